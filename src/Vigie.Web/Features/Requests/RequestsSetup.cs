using Microsoft.AspNetCore.Mvc;
using Vigie.Web.Features.Requests.Reminders;

namespace Vigie.Web.Features.Requests;

public static class RequestsSetup
{
    public static void AddVigieRequests(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection(ReminderOptions.Section));
        builder.Services.AddScoped<RequestAnalyser>();
        builder.Services.AddScoped<ReminderDigests>();
        builder.Services.AddHostedService<ReminderService>();
        builder.Services.Configure<MvcOptions>(o => o.ModelBinderProviders.Insert(0, new RequestStateBinderProvider()));
    }
}
