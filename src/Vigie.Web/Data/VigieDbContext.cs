using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data;

public sealed class VigieDbContext(DbContextOptions<VigieDbContext> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Intercommunality> Intercommunalities => Set<Intercommunality>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Vendor> Vendors => Set<Vendor>();
    public DbSet<Technology> Technologies => Set<Technology>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<Funding> Fundings => Set<Funding>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<CadaRequest> CadaRequests => Set<CadaRequest>();
    public DbSet<Document> Documents => Set<Document>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VigieDbContext).Assembly);
}
