namespace Vigie.Tests.Browser;

/// <summary>The window sizes the browser tests use: a current phone and a laptop.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Phone = new("phone", 390, 844, IsMobile: true);
    public static readonly Viewport Desktop = new("desktop", 1280, 900, IsMobile: false);

    public static IReadOnlyList<Viewport> All { get; } = [Desktop, Phone];

    /// <summary>For theory data, which should stay serialisable: <c>[InlineData("phone")]</c>.</summary>
    public static Viewport Named(string name) =>
        All.FirstOrDefault(v => v.Name == name) ?? throw new ArgumentException($"Unknown viewport '{name}'.", nameof(name));

    public override string ToString() => $"{Name} {Width}×{Height}";
}
