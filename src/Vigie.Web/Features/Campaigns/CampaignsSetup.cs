using Vigie.Web.Features.Campaigns.Creation;
using Vigie.Web.Features.Campaigns.Targets;

namespace Vigie.Web.Features.Campaigns;

public static class CampaignsSetup
{
    public static void AddVigieCampaigns(this IServiceCollection services)
    {
        services.AddScoped<CampaignQueries>();
        services.AddScoped<CampaignExports>();
        services.AddScoped<TargetResolver>();
        services.AddScoped<CampaignRequestCreator>();
        services.AddSingleton<CampaignSignal>();
        services.AddSingleton<CampaignWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<CampaignWorker>());
    }
}
