using CsCheck;
using Vigie.Web.Data.Seeding;

namespace Vigie.Tests.Hostile;

public sealed class SeedHostileTests
{
    private static readonly string[] Lines =
    [
        "slug: x", "slug: Pas Un Slug", "title: Titre", "title: [non fermé", "title: \"guillemet", "municipality: \"78208\"", "municipality: 99999",
        "status: published", "status: nimporte", "technologies:", "  - drones", "  - inconnue", "sources:", "  - url: https://example.org",
        "    title: Source", "  - url: javascript:alert(1)", "contracts:", "  - object: Objet", "    amount: -5", "    amount: 1e400",
        "    signed: 2019-02-30", "    signed: mars", "    source: 9", "funding:", "  - label: L", "    amount: 10", "timeline:", "  - date: 2019",
        "    title: T", "quotes:", "  - speaker: S", "    text: « »", "requests:", "  - key: k", "    authority: A", "    subject: S",
        "documents:", "  - title: D", "    request: absente", "    kind: Inconnu", "&anchor x", "*alias", "!!binary AAAA", "? complex key",
        "{ a: [ b, { c: d } ] }", "- liste au mauvais niveau", "\t", "%YAML 1.1", "---", "...", "clé: |", "  bloc", ": :", "'", "\"\\u0000\"",
    ];

    [Fact]
    public void A_case_file_of_any_shape_is_read_or_refused_with_a_seed_error_quickly()
    {
        var communes = new HashSet<string> { "78208" };
        var technologies = new HashSet<string> { "drones" };
        var vendors = new HashSet<string>();
        Gen.OneOf(Lines).Array[0, 40].Select(lines => "---\n" + string.Join('\n', lines) + "\n---\nRécit.").Sample(text =>
        {
            var task = Task.Run(() =>
            {
                try
                {
                    CaseFileReader.Read(text, "seeds/cases/essai.md", communes, technologies, vendors);
                }
                catch (SeedException e)
                {
                    Assert.StartsWith("seeds/cases/essai.md, ligne ", e.Message, StringComparison.Ordinal);
                }
            });
            Assert.True(task.Wait(TimeSpan.FromSeconds(5)), "reading took longer than the time limit");
        }, iter: 500);
    }
}
