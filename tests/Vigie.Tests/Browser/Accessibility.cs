using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Vigie.Tests.Browser;

/// <summary>Runs axe-core in the page and fails on serious or critical violations, listed so a person can act on them.</summary>
public static class Accessibility
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    // Only violations are reported, so axe need not detail every passing node (faster on long tables).
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(ViolationsOnly);
        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        if (blocking.Count > 0)
        {
            Assert.Fail(Describe(page, blocking));
        }
    }

    private static string Describe(IPage page, IReadOnlyList<AxeResultItem> violations)
    {
        var size = page.ViewportSize is { } v ? $" at {v.Width}×{v.Height}" : "";
        var text = new StringBuilder($"axe: {violations.Count} serious or critical violation(s) on {page.Url}{size}");
        foreach (var violation in violations)
        {
            text.Append("\n- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").Append(violation.Help)
                .Append("\n  ").Append(violation.HelpUrl);
            foreach (var node in violation.Nodes)
            {
                text.Append("\n    ").Append(node.Target);
                var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m));
                if (why is not null)
                {
                    text.Append(" — ").Append(why);
                }
            }
        }
        return text.ToString();
    }
}
