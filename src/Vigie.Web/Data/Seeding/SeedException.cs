namespace Vigie.Web.Data.Seeding;

/// <summary>A seed file that cannot be imported; nothing of the import is kept.</summary>
public sealed class SeedException(string file, int line, string problem)
    : Exception($"{file}, ligne {line} : {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
