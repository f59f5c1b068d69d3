namespace Vigie.Web.Infrastructure.Text;

public static class FrenchNames
{
    private const string Vowels = "AEIOUYÂÀÄÉÈÊËÎÏÔÖÛÙÜŒÆaeiouyâàäéèêëîïôöûùüœæ";

    /// <summary>
    /// "Commune d'Élancourt", "Commune du Havre", "Commune des Mureaux", "Commune de La Rochelle".
    /// Names starting with H keep "de": whether the h is mute cannot be told from the spelling.
    /// </summary>
    public static string Of(string noun, string name) => name switch
    {
        _ when name.StartsWith("Le ", StringComparison.Ordinal) => $"{noun} du {name[3..]}",
        _ when name.StartsWith("Les ", StringComparison.Ordinal) => $"{noun} des {name[4..]}",
        _ when name.Length > 0 && Vowels.Contains(name[0], StringComparison.Ordinal) => $"{noun} d'{name}",
        _ => $"{noun} de {name}",
    };
}
