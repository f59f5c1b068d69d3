using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;

namespace Vigie.Tests.Data;

public sealed class ModelTests
{
    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync(nameof(ModelTests));
        try
        {
            await using var db = TestDatabase.CreateContext(connectionString);
            Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a migration (see docs/data-model.md).");
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            await TestDatabase.DropDatabaseAsync(connectionString);
        }
    }
}
