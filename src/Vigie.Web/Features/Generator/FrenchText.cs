using Bogus;

namespace Vigie.Web.Features.Generator;

/// <summary>Plausible French sentences about municipal surveillance, for synthetic cases and documents (search has words to find).</summary>
public sealed class FrenchText(Faker faker)
{
    private static readonly string[] Devices =
    [
        "caméras de vidéoprotection", "caméras nomades", "lecteurs automatiques de plaques d'immatriculation", "drones", "capteurs sonores",
        "logiciels d'analyse vidéo", "bornes d'appel d'urgence", "caméras piétons", "dispositifs de reconnaissance faciale", "écrans du centre de supervision",
    ];

    private static readonly string[] Templates =
    [
        "Le conseil municipal de {commune} a voté l'installation de {n} {device} pour un montant de {amount} euros.",
        "La délibération du {date} autorise le maire à signer le marché avec la société {vendor}.",
        "Selon le cahier des clauses techniques particulières, les {device} enregistrent les images pendant trente jours.",
        "L'opposition dénonce un dispositif coûteux dont l'efficacité n'a jamais été évaluée par la commune.",
        "La préfecture a accordé une subvention au titre du fonds interministériel de prévention de la délinquance.",
        "Le centre de supervision urbain de {commune} fonctionne jour et nuit avec {n} opérateurs.",
        "La société {vendor} assure la maintenance des {device} pendant quatre ans.",
        "La demande d'accès aux documents administratifs a été adressée à la mairie le {date}.",
        "La commune n'a transmis qu'une partie des annexes du contrat, invoquant le secret des affaires.",
        "Les associations de défense des libertés demandent la publication de l'analyse d'impact.",
        "Le marché prévoit une extension à {n} nouveaux sites avant la fin du mandat.",
        "Le rapport de la police municipale fait état de {n} réquisitions d'images par an.",
        "Une convention de partenariat lie la ville de {commune} à l'entreprise {vendor} pour une expérimentation.",
        "Les {device} couvrent désormais le centre-ville, les abords des écoles et la gare.",
        "La commission nationale de l'informatique et des libertés a été saisie d'une plainte d'un habitant.",
    ];

    public string Device() => faker.PickRandom(Devices);

    public string Sentence(string commune, string vendor) => faker.PickRandom(Templates)
        .Replace("{commune}", commune, StringComparison.Ordinal)
        .Replace("{vendor}", vendor, StringComparison.Ordinal)
        .Replace("{device}", Device(), StringComparison.Ordinal)
        .Replace("{n}", faker.Random.Int(2, 250).ToString(Infrastructure.Formatting.Fr.Culture), StringComparison.Ordinal)
        .Replace("{amount}", Infrastructure.Formatting.Fr.Number(faker.Random.Int(20, 5000) * 1000L), StringComparison.Ordinal)
        .Replace("{date}", Infrastructure.Formatting.Fr.Date(DateOnly.FromDateTime(faker.Date.Between(new DateTime(2012, 1, 1), new DateTime(2025, 12, 31)))), StringComparison.Ordinal);

    public string Paragraph(string commune, string vendor, int sentences) =>
        string.Join(" ", Enumerable.Range(0, sentences).Select(_ => Sentence(commune, vendor)));

    public string Paragraphs(string commune, string vendor, int count) =>
        string.Join("\n\n", Enumerable.Range(0, count).Select(_ => Paragraph(commune, vendor, faker.Random.Int(3, 6))));
}
