using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using Vigie.Web.Data.Seeding;
using Vigie.Web.Features.Campaigns;
using Vigie.Web.Features.Api;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Documents;
using Vigie.Web.Features.Editing;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Database;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Health;
using Vigie.Web.Infrastructure.Postgres;
using Vigie.Web.Infrastructure.Security;

CultureInfo.DefaultThreadCurrentCulture = Fr.Culture;
CultureInfo.DefaultThreadCurrentUICulture = Fr.Culture;

var builder = WebApplication.CreateBuilder(args);
var vigie = builder.Configuration.GetSection(VigieOptions.Section).Get<VigieOptions>() ?? new VigieOptions();
builder.Services.Configure<VigieOptions>(builder.Configuration.GetSection(VigieOptions.Section));
if (CommandLine.CommandOf(args) is null && vigie.PublicUrlProblem(builder.Environment.IsProduction()) is { } publicUrlProblem)
{
    Console.Error.WriteLine($"Démarrage interrompu : {publicUrlProblem}");
    Environment.ExitCode = 1;
    return;
}
builder.Services.AddSingleton<SiteAddress>();
builder.Services.AddSingleton(TimeProvider.System);

builder.AddVigieDatabase(vigie);
builder.AddVigieAccounts(vigie);
builder.AddVigieRequests();
builder.AddVigieDocuments(vigie);
builder.Services.AddVigieEditing();
builder.Services.AddVigieCampaigns();
builder.AddVigieApi();

// Razor would otherwise escape every accented letter as an entity.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddControllersWithViews(o =>
    {
        FrenchModelBinding.Configure(o.ModelBindingMessageProvider);
        o.ModelBinderProviders.Insert(0, new SafeInputBinderProvider());
    })
    .AddRazorOptions(o => o.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
builder.AddVigieTrustedProxies(vigie);
builder.Services.AddOutputCache(o =>
{
    o.AddPolicy(CachePolicies.Public, p => CachePublic(p, PublicCache.Everything, PublicCache.Lists));
    o.AddPolicy(CachePolicies.Page, p => CachePublic(p, PublicCache.Everything));

    void CachePublic(Microsoft.AspNetCore.OutputCaching.OutputCachePolicyBuilder p, params string[] tags)
    {
        if (vigie.CachePublicPages)
        {
            p.Expire(TimeSpan.FromMinutes(5)).SetVaryByQuery("*").Tag(tags);
        }
        else
        {
            p.NoCache();
        }
    }
});
builder.Services.AddSingleton<PublicCache>();
builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PublicCacheInvalidation>();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton(new Vigie.Web.Features.Charts.FranceMap(Path.Combine(vigie.ResolveSeedsDirectory(), "geo", "departments-map.json")));
builder.Services.AddScoped<Vigie.Web.Features.CaseFiles.CaseFileService>();
builder.Services.AddSingleton<Vigie.Web.Features.CaseFiles.CaseFileCache>();
builder.Services.AddScoped<Vigie.Web.Features.Exports.ExportBuilder>();
builder.Services.AddSingleton<Vigie.Web.Features.Exports.ExportSignal>();
builder.Services.AddSingleton<Vigie.Web.Features.Exports.ExportWorker>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Vigie.Web.Features.Exports.ExportWorker>());
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddRequestLocalization(o =>
{
    o.DefaultRequestCulture = new RequestCulture(Fr.Culture);
    o.SupportedCultures = o.SupportedUICultures = [Fr.Culture];
    o.RequestCultureProviders.Clear();
});

// Fail at start-up, with the list of missing files, rather than produce broken PDFs later.
Vigie.Web.Infrastructure.Fonts.EnsurePdfFonts(builder.Configuration["Vigie:FontsDirectory"], builder.Configuration.GetConnectionString("Vigie"));

var app = builder.Build();

if (await CommandLine.TryRunAsync(app, args))
{
    return;
}

try
{
    await app.PrepareDocumentStoreAsync();
    await app.PrepareDatabaseAsync();
}
catch (SeedException e)
{
    Console.Error.WriteLine($"Démarrage interrompu : les données initiales sont invalides, rien n'a été importé. {e.Message}");
    app.Services.GetService<LocalPostgres>()?.Stop();
    Environment.ExitCode = 1;
    return;
}

app.UseVigieTrustedProxies(vigie);
app.UseHeadAsGet();
app.UseExceptionHandler("/erreur");
app.UseStatusCodePagesWithReExecute("/erreur/{0}");
app.UseInputGuard();
if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.FailWhenSessionUnreadable();
app.UseAuthorization();
app.UseApiETags();
app.UseOutputCache();
app.MapHealthChecks("/healthz", HealthEndpoint.Options).AllowAnonymous();
app.MapControllers();
app.MapOpenApi(ApiSetup.OpenApiPath).AllowAnonymous().RequireCors(ApiSetup.Cors).CacheOutput(CachePolicies.Public);
// Unknown addresses are a plain 404 (with the friendly page), not a redirect to the login form.
app.MapFallback("{**path}", context =>
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    return Task.CompletedTask;
}).AllowAnonymous();

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
