using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Reminders;

namespace Vigie.Tests.Features.Requests.Tracker;

public sealed class ReminderTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    private async Task<ReminderRun> RunJobAsync()
    {
        // A new scope each time, as a restarted app would have: all the job remembers is in the database.
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderDigests>().RunAsync(default);
    }

    private List<MimeMessage> Mails(string to) => !Directory.Exists(factory.MailDirectory)
        ? []
        : Directory.GetFiles(factory.MailDirectory, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => a.Address == to)).ToList();

    [Fact]
    public async Task The_daily_digest_lists_coming_and_newly_passed_deadlines_once_a_day()
    {
        factory.SetToday(new DateOnly(2019, 11, 20));
        await factory.CreateAsync("rappels@example.org", Roles.Volunteer, "Alex");
        using (var client = await factory.SignedInClientAsync("rappels@example.org"))
        {
            var lyon = await factory.CommuneBodyAsync("69123");
            var due = await client.CreateRequestAsync(lyon, "Saisine à faire", "Contrat", sentOn: "2019-08-30");
            await client.AddEventOkAsync(due, "reception", new() { ["Date"] = "2019-09-02", ["StatesAppealRoutes"] = "true" });
            var late = await client.CreateRequestAsync(lyon, "Saisine en retard", "Plan", sentOn: "2019-08-30");
            await client.AddEventOkAsync(late, "refus", new() { ["Date"] = "2019-09-25", ["Ground"] = "PublicSecurity" });
        }

        factory.SetToday(new DateOnly(2019, 11, 28));
        var first = await RunJobAsync();
        Assert.Equal(1, first.DigestsSent);
        var mail = Assert.Single(Mails("rappels@example.org"));
        var text = Tracker.Normalize(mail.TextBody!);
        Assert.Contains("1 échéance dans les 7 jours, 1 délai passé", mail.Subject);
        Assert.Contains("Saisine à faire (Commune de Lyon) Saisine de la CADA : 2 décembre 2019 (dans 4 jours, opposable)", text);
        Assert.Contains("Prochaine étape : Saisir la CADA avant le 2 décembre 2019.", text);
        Assert.Contains("Passé depuis votre dernier message", text);
        Assert.Contains("Saisine de la CADA : 25 novembre 2019 (il y a 3 jours, indicatif)", text);
        Assert.Contains("/demandes/", text);

        var again = await RunJobAsync();
        Assert.Equal(0, again.DigestsSent);
        Assert.Equal(1, again.AlreadySent);
        Assert.Single(Mails("rappels@example.org"));

        factory.SetToday(new DateOnly(2019, 11, 29));
        var nextDay = await RunJobAsync();
        Assert.Equal(1, nextDay.DigestsSent);
        var second = Mails("rappels@example.org")[1];
        Assert.Contains("2 décembre 2019 (dans 3 jours", Tracker.Normalize(second.TextBody!));
        Assert.DoesNotContain("25 novembre 2019", second.TextBody);

        await using var db = factory.CreateDbContext();
        Assert.Equal(2, await db.ReminderDigests.CountAsync(d => d.User!.Email == "rappels@example.org"));
    }

    [Fact]
    public async Task Members_who_opted_out_get_no_digest()
    {
        factory.SetToday(new DateOnly(2019, 11, 20));
        var user = await factory.CreateAsync("sans-rappel@example.org", Roles.Volunteer);
        using (var client = await factory.SignedInClientAsync("sans-rappel@example.org"))
        {
            var id = await client.CreateRequestAsync(await factory.CommuneBodyAsync("69123"), "Silencieuse", "Doc", sentOn: "2019-11-05");
            _ = id;
        }
        await using (var db = factory.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id)).ReceivesReminders = false;
            await db.SaveChangesAsync();
        }
        factory.SetToday(new DateOnly(2019, 11, 30));
        await RunJobAsync();
        Assert.Empty(Mails("sans-rappel@example.org"));
    }
}
