using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Email;

namespace Vigie.Web.Features.Requests.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Vigie:Reminders";

    /// <summary>Run the daily job in this app instance (off in the tests, which run it by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The digest goes out on the first check at or after this hour, Paris time.</summary>
    public int SendAfterHour { get; set; } = 7;

    public int CheckEveryMinutes { get; set; } = 30;

    /// <summary>How far ahead a deadline is announced.</summary>
    public int DaysAhead { get; set; } = 7;
}

public sealed record DigestItem(CadaRequest Request, Deadline Deadline, bool Overdue, string NextAction);

public sealed record ReminderRun(DateOnly Day, int RequestsRefreshed, int DigestsSent, int AlreadySent);

/// <summary>
/// The daily job: recompute the cached analysis of every open request, then email each requester the deadlines of
/// the next days and those that passed since their last digest. A (member, day) row is claimed before sending, so
/// a restart, a second run or a second instance the same day sends nothing twice.
/// </summary>
public sealed class ReminderDigests(
    VigieDbContext db,
    RequestAnalyser analyser,
    IEmailSender email,
    IOutputCacheStore cache,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    SiteAddress address,
    ILogger<ReminderDigests> logger)
{
    public async Task<ReminderRun> RunAsync(CancellationToken cancellationToken)
    {
        var today = analyser.Today;
        var open = await db.CadaRequests.CountAsync(r => !r.IsClosed || r.AnalysedOn == null, cancellationToken);
        if (await analyser.RefreshAsync(r => !r.IsClosed || r.AnalysedOn == null, cancellationToken) > 0)
        {
            await cache.EvictByTagAsync(CachePolicies.Public, cancellationToken);
        }
        db.ChangeTracker.Clear();

        var requesters = await db.Users.AsNoTracking()
            .Where(u => u.ReceivesReminders && u.Email != null && db.CadaRequests.Any(r => r.RequesterId == u.Id && !r.IsClosed))
            .OrderBy(u => u.Id)
            .ToListAsync(cancellationToken);
        int sent = 0, skipped = 0;
        foreach (var user in requesters)
        {
            if (await db.ReminderDigests.AnyAsync(d => d.UserId == user.Id && d.Day == today, cancellationToken))
            {
                skipped++;
                continue;
            }
            var items = await ItemsAsync(user.Id, today, cancellationToken);
            if (items.Count > 0 && await SendAsync(user, today, items, cancellationToken))
            {
                sent++;
            }
        }
        logger.LogInformation("Rappels du {Day} : {Open} demandes recalculées, {Sent} courriels envoyés, {Skipped} déjà envoyés",
            FrenchDates.Long(today), open, sent, skipped);
        return new ReminderRun(today, open, sent, skipped);
    }

    /// <summary>Deadlines due within the next days, and those that passed since the member's last digest.</summary>
    public async Task<List<DigestItem>> ItemsAsync(int userId, DateOnly today, CancellationToken cancellationToken)
    {
        var last = await db.ReminderDigests.Where(d => d.UserId == userId && d.Day < today).MaxAsync(d => (DateOnly?)d.Day, cancellationToken);
        var since = last is { } day && day > today.AddDays(-options.Value.DaysAhead) ? day : today.AddDays(-options.Value.DaysAhead);
        var horizon = today.AddDays(options.Value.DaysAhead);
        var requests = await analyser.Full().AsNoTracking().Where(r => r.RequesterId == userId && !r.IsClosed).ToListAsync(cancellationToken);
        var items = new List<DigestItem>();
        foreach (var request in requests.OrderBy(r => r.Id))
        {
            var analysis = RequestAnalyser.Analyse(request, today);
            foreach (var deadline in analysis.Deadlines.Where(d => d.MetOn is null))
            {
                if (deadline.Date >= today && deadline.Date <= horizon)
                {
                    items.Add(new DigestItem(request, deadline, Overdue: false, analysis.NextAction));
                }
                else if (deadline.Date < today && deadline.Date >= since)
                {
                    items.Add(new DigestItem(request, deadline, Overdue: true, analysis.NextAction));
                }
            }
        }
        return items;
    }

    private async Task<bool> SendAsync(User user, DateOnly today, List<DigestItem> items, CancellationToken cancellationToken)
    {
        var claim = new ReminderDigest { UserId = user.Id, Day = today, SentAt = clock.GetUtcNow(), ItemCount = items.Count };
        db.ReminderDigests.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run claimed this member's digest for today first.
            db.ChangeTracker.Clear();
            return false;
        }
        try
        {
            await email.SendAsync(Compose(user, today, items), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Rappel non envoyé au membre n° {UserId} : il sera retenté au prochain passage", user.Id);
            db.ReminderDigests.Remove(claim);
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }

    public EmailMessage Compose(User user, DateOnly today, IReadOnlyList<DigestItem> items)
    {
        var site = address.ForBackgroundWork();
        var due = items.Where(i => !i.Overdue).ToList();
        var overdue = items.Where(i => i.Overdue).ToList();
        var subject = new List<string>();
        if (due.Count > 0)
        {
            subject.Add(due.Count == 1 ? "1 échéance dans les 7 jours" : $"{due.Count} échéances dans les 7 jours");
        }
        if (overdue.Count > 0)
        {
            subject.Add(overdue.Count == 1 ? "1 délai passé" : $"{overdue.Count} délais passés");
        }
        var text = new StringBuilder();
        text.Append("Bonjour ").Append(user.DisplayName).Append(",\n\n");
        text.Append("Voici où en sont vos demandes CADA au ").Append(FrenchDates.Long(today)).Append(".\n");
        void Section(string title, List<DigestItem> list)
        {
            if (list.Count == 0)
            {
                return;
            }
            text.Append('\n').Append(title).Append('\n').Append(new string('-', title.Length)).Append('\n');
            foreach (var group in list.GroupBy(i => i.Request.Id))
            {
                var request = group.First().Request;
                text.Append("\n* ").Append(request.Subject).Append(" (").Append(request.PublicBody!.Name).Append(")\n");
                foreach (var item in group)
                {
                    var days = item.Deadline.Date.DayNumber - today.DayNumber;
                    var when = days switch { 0 => "aujourd'hui", 1 => "demain", > 1 => $"dans {days} jours", -1 => "hier", _ => $"il y a {-days} jours" };
                    text.Append("  ").Append(item.Deadline.Kind.Label()).Append(" : ").Append(FrenchDates.Long(item.Deadline.Date))
                        .Append(" (").Append(when).Append(", ").Append(item.Deadline.Enforceability.Label()).Append(")\n");
                }
                text.Append("  Prochaine étape : ").Append(group.First().NextAction).Append('\n');
                text.Append("  ").Append(site).Append("/demandes/").Append(request.Id).Append('\n');
            }
        }
        Section("Dans les 7 prochains jours", due);
        Section("Passé depuis votre dernier message", overdue);
        text.Append("\nCe message ne part que les jours où une échéance approche ou vient de passer.\n");
        text.Append("Pour ne plus le recevoir : ").Append(site).Append("/compte\n");
        return new EmailMessage(user.Email!, $"Vigie — vos demandes CADA : {string.Join(", ", subject)}", text.ToString());
    }
}
