using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Markdown;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Editing.Parts;

/// <summary>Reads the typed values of part forms (dates, amounts, URLs, text) and says what is wrong in French.</summary>
public static class PartInput
{
    public const string DateHelp = "Écrivez par exemple « 2019 », « juillet 2019 » ou « 2 juillet 2019 ».";

    public static void CheckDate(PartEditContext context, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                context.Error(field, "Indiquez la date. " + DateHelp);
            }
        }
        else if (!FrenchInput.TryParseDate(text, out _, out _))
        {
            context.Error(field, $"Date non reconnue : « {text.Trim()} ». {DateHelp}");
        }
    }

    public static (DateOnly? Date, DatePrecision Precision) Date(string? text) =>
        FrenchInput.TryParseDate(text, out var date, out var precision) ? (date, precision) : (null, DatePrecision.Day);

    public static void CheckAmount(PartEditContext context, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                context.Error(field, "Indiquez le montant en euros, par exemple « 20 000 000 » ou « 1 234,50 ».");
            }
        }
        else if (!FrenchInput.TryParseEuros(text, out _))
        {
            context.Error(field, $"Montant non reconnu : « {text.Trim()} ». Écrivez-le en euros, par exemple « 20 000 000 » ou « 1 234,50 ».");
        }
    }

    public static decimal? Amount(string? text) => FrenchInput.TryParseEuros(text, out var amount) ? amount : null;

    public static void CheckWebUrl(PartEditContext context, string field, string? url)
    {
        if (!string.IsNullOrWhiteSpace(url) && !UrlPolicy.IsWebUrl(url.Trim()))
        {
            context.Error(field, "L'adresse doit commencer par http:// ou https://, par exemple « https://www.exemple.fr/article ».");
        }
    }

    /// <summary>Trimmed, French spacing applied; null when empty.</summary>
    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : FrenchTypography.Apply(text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal));

    public static string Required(string? text) => Text(text) ?? "";

    public static string? Plain(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
