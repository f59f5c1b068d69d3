using CsCheck;

namespace Vigie.Tests.Hostile;

/// <summary>Generators of text that looks like what an attacker or a broken editor would type.</summary>
public static class HostileInput
{
    private static readonly string[] Fragments =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<iframe src=javascript:alert(1)>",
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:", "&#106;avascript:", "data:text/html,<script>", "vbscript:",
        "[x](", "](", ")", "[", "]", "![", "<", ">", "\"", "'", "`", "```", "~~~", "*", "_", "**", "__", "#", "##### ", "> ", "- ", "1. ",
        "|", "| --- |", "[^1]", "[^1]: ", "[@", "[@1]", "[@999999]", "\n", "\n\n", "    ", "\t", "\\", "&amp;", "&#0;", "\u0000", "\u202e",
        "«", "»", " ; ", " : ", "https://example.org/", "<https://example.org>", "mailto:a@b.c", "[a]: javascript:x", "Élancourt", "€", "😀",
    ];

    /// <summary>Strings made of syntax fragments and random characters, up to a few thousand characters.</summary>
    public static readonly Gen<string> Markdown =
        Gen.Frequency(
            (6, Gen.OneOf(Fragments)),
            (2, Gen.String[Gen.Char, 0, 20]),
            (1, Gen.Char['!', '~'].Array[1, 5].Select(c => new string(c))))
        .Array[0, 300]
        .Select(parts => string.Concat(parts));
}
