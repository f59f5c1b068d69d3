using Vigie.Web.Features.Editing.Municipalities;
using Vigie.Web.Features.Editing.Revisions;

namespace Vigie.Web.Features.Editing;

public static class EditingSetup
{
    public static IServiceCollection AddVigieEditing(this IServiceCollection services) => services
        .AddScoped<CaseChanges>()
        .AddScoped<MunicipalityResolver>();
}
