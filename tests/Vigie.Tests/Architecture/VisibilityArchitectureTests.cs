using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Vigie.Tests.Architecture;

/// <summary>
/// Who may see what is decided in Infrastructure/Privacy alone. This reads the app's syntax trees and fails when code
/// elsewhere decides it again: a query lambda or a condition reading a visibility flag (<c>IsPublic</c>,
/// <c>IsDemonstration</c>, <c>RequestsArePublic</c>), a query comparing a case's status with <c>Published</c> or a
/// campaign's with <c>Preparing</c>, or raw SQL naming those columns. Writing the flags (forms, seeds, the generator)
/// is not deciding, and is allowed.
/// </summary>
public sealed class VisibilityArchitectureTests
{
    private static readonly string[] Flags = ["IsPublic", "IsDemonstration", "RequestsArePublic"];

    private static readonly string[] SqlWords = ["is_public", "is_demonstration", "'Published'", "'Preparing'"];

    /// <summary>Files that may read the flags, and why. Keep this list short: each entry is a place the rule is not enforced.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // The rules themselves.
        ["Infrastructure/Privacy/"] = "the visibility model",
        // Writers, not readers: they set the flags of the rows they create.
        ["Data/Migrations/"] = "schema and triggers (the case-facet trigger restates the request rule; a test checks it)",
        ["Data/Seeding/"] = "seeds set the flags of what they import",
        ["Features/Generator/"] = "the synthetic-data generator sets flags and writes them with COPY",
        // Output-cache eviction may evict more than it must: a request marked public is enough reason.
        ["Features/Requests/RequestAnalyser.cs"] = "counts changed requests marked public, to evict cached pages (over-eviction is safe)",
        // Creates a campaign's requests in SQL, with the flag VisibilitySql.CampaignPublishesItsRequests gives.
        ["Features/Campaigns/Creation/CampaignRequestCreator.cs"] = "INSERT's column list names is_public",
    };

    public static string SourceRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Vigie.slnx")))
            {
                directory = directory.Parent;
            }
            Assert.NotNull(directory);
            return Path.Combine(directory!.FullName, "src", "Vigie.Web");
        }
    }

    [Fact]
    public void Only_the_visibility_model_decides_who_sees_what()
    {
        var violations = new List<string>();
        var files = Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {SourceRoot}");
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(SourceRoot, file).Replace(Path.DirectorySeparatorChar, '/');
            if (Allowed.Keys.Any(a => relative.StartsWith(a, StringComparison.Ordinal)))
            {
                continue;
            }
            violations.AddRange(Violations(File.ReadAllText(file)).Select(v => $"{relative}:{v}"));
        }
        Assert.True(violations.Count == 0,
            "Visibility decided outside Infrastructure/Privacy (use Visibility.IsPublic, .Public() or .VisibleTo(viewer)):\n" + string.Join('\n', violations));
    }

    [Theory]
    [InlineData("class C { void M(IQueryable<Document> d) => d.Where(x => x.IsPublic); }")]
    [InlineData("class C { int M(Case c) => c.CadaRequests.Count(r => r.IsPublic && r.CaseId == null); }")]
    [InlineData("class C { bool M(CadaRequest r) { if (r.IsPublic) { return true; } return false; } }")]
    [InlineData("class C { bool M(CadaRequest r) => !r.IsPublic || r.Campaign!.IsDemonstration; }")]
    [InlineData("class C { void M(IQueryable<Case> c) => c.Where(x => x.Status == CaseStatus.Published); }")]
    [InlineData("class C { void M(IQueryable<Campaign> c) => c.Where(x => x.Status != CampaignStatus.Preparing); }")]
    [InlineData("class C { void M(IQueryable<Contract> k) => k.Where(x => x.Case is { Status: CaseStatus.Published }); }")]
    [InlineData("class C { const string Sql = \"SELECT id FROM documents WHERE is_public\"; }")]
    [InlineData("class C { string M() => $\"WHERE c.status = 'Published' AND {1}\"; }")]
    public void The_check_catches_a_decision_made_elsewhere(string code) => Assert.NotEmpty(Violations(code));

    [Theory]
    [InlineData("class C { void M(CadaRequest r, Form f) { r.IsPublic = f.IsPublic; } }")]
    [InlineData("class C { Form M(CadaRequest r) => new Form { IsPublic = r.IsPublic }; }")]
    [InlineData("class C { void M(IQueryable<Document> d) => d.Where(x => Visibility.IsPublic(x)); }")]
    [InlineData("class C { Doc M(Row row) => new Doc(row.Title, row.IsPublic); }")]
    [InlineData("class C { void M(IQueryable<CadaRequest> r) => r.ExecuteUpdate(s => s.SetProperty(x => x.IsPublic, true)); }")]
    [InlineData("class C { string M(CadaRequest r) => Visibility.IsPublic(r) ? \"oui\" : \"non\"; }")]
    [InlineData("class C { void M(Form f) { if (f.To == CaseStatus.Published) { Publish(); } } }")]
    public void The_check_lets_writes_and_the_model_through(string code) => Assert.Empty(Violations(code));

    private static IEnumerable<string> Violations(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetRoot();
        foreach (var access in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            var name = access.Name.Identifier.ValueText;
            if (Flags.Contains(name) && access.Expression.ToString() is not ("Visibility" or "Privacy.Visibility") && IsRead(access)
                && (InsideLambda(access) || InsideCondition(access)))
            {
                yield return $"{Line(access)}: reads {name}: {Shorten(access.Parent ?? access)}";
            }
            if (access.ToString() is "CaseStatus.Published" or "CampaignStatus.Preparing" && InsideLambda(access) && InComparison(access))
            {
                yield return $"{Line(access)}: compares with {access}: {Shorten(access.Parent ?? access)}";
            }
        }
        foreach (var text in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken)
                     || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                     || t.IsKind(SyntaxKind.InterpolatedRawStringEndToken)))
        {
            var word = SqlWords.FirstOrDefault(w => text.Text.Contains(w, StringComparison.Ordinal));
            if (word is not null)
            {
                yield return $"{text.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: SQL names {word}";
            }
        }
    }

    /// <summary>Not the target of an assignment, nor the name of an initialized member, nor a value copied into a member of the same name.</summary>
    private static bool IsRead(MemberAccessExpressionSyntax access)
    {
        // ExecuteUpdate's s.SetProperty(r => r.IsPublic, value): the property written.
        if (access.Parent is LambdaExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } arguments } argument }
            && call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetProperty" } && arguments.Arguments[0] == argument)
        {
            return false;
        }
        if (access.Parent is AssignmentExpressionSyntax assignment)
        {
            if (assignment.Left == access)
            {
                return false;
            }
            var target = assignment.Left switch
            {
                MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                IdentifierNameSyntax i => i.Identifier.ValueText,
                _ => null,
            };
            return target != access.Name.Identifier.ValueText;
        }
        return true;
    }

    private static bool InsideLambda(SyntaxNode node) => node.Ancestors().Any(a => a is LambdaExpressionSyntax);

    private static bool InsideCondition(SyntaxNode node) => node.Ancestors().TakeWhile(a => a is not StatementSyntax).Any(a =>
        a is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression }
            or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression }
            or ConditionalExpressionSyntax or IsPatternExpressionSyntax)
        || node.Ancestors().OfType<IfStatementSyntax>().Any(i => i.Condition.Span.Contains(node.Span))
        || node.Ancestors().OfType<ConditionalExpressionSyntax>().Any(c => c.Condition.Span.Contains(node.Span));

    private static bool InComparison(SyntaxNode node) => node.Ancestors().TakeWhile(a => a is not LambdaExpressionSyntax).Any(a =>
        a is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression }
            or IsPatternExpressionSyntax or SubpatternSyntax or ConstantPatternSyntax);

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string Shorten(SyntaxNode node)
    {
        var text = node.ToString().ReplaceLineEndings(" ");
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
