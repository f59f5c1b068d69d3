using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Vigie.Web.Infrastructure.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public sealed class EmailOptions
{
    public const string Section = "Vigie:Email";

    /// <summary>"Pickup" writes each email as an .eml file (development, tests); "Smtp" sends it.</summary>
    public string Mode { get; set; } = "Pickup";
    /// <summary>Where "Pickup" writes; default: mail/ in the data directory.</summary>
    public string? PickupDirectory { get; set; }
    public string From { get; set; } = "Vigie <ne-pas-repondre@vigie.local>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>STARTTLS on 587 (default), or "SslOnConnect" for 465, or "None" for a local relay.</summary>
    public string SmtpSecurity { get; set; } = "StartTls";
}

internal static class Messages
{
    public static MimeMessage ToMime(EmailMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        return mime;
    }
}

/// <summary>Writes emails to a folder instead of sending them. Files are written whole, then renamed.</summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, ILogger<PickupDirectoryEmailSender> logger, string defaultDirectory) : IEmailSender
{
    public string Directory { get; } = options.Value.PickupDirectory ?? defaultDirectory;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(Directory, name + ".tmp");
        await using (var stream = File.Create(temporary))
        {
            await Messages.ToMime(message, options.Value.From).WriteToAsync(stream, cancellationToken);
        }
        File.Move(temporary, Path.Combine(Directory, name));
        logger.LogInformation("Courriel « {Subject} » déposé dans {Directory}", message.Subject, Directory);
    }
}

public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        var security = settings.SmtpSecurity switch
        {
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "None" => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        var host = settings.SmtpHost ?? throw new InvalidOperationException("Vigie:Email:SmtpHost n'est pas configuré.");
        await client.ConnectAsync(host, settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
        }
        await client.SendAsync(Messages.ToMime(message, settings.From), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
