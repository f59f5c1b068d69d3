using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using UglyToad.PdfPig;
using Vigie.Pdf;
using Vigie.Tests.Features.Documents;
using Vigie.Web.Features.Documents.Processing;

namespace Vigie.Tests.Hostile;

/// <summary>
/// Uploaded PDFs are the most hostile input Vigie reads. Damaged and handcrafted files go through text extraction (as
/// the processing queue runs it) and into a case file as an appendix: neither may crash, hang, or carry a script into
/// what Vigie produces.
/// </summary>
public sealed class PdfHostileTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private static readonly byte[] Valid = TestFiles.Pdf("Contrat de vidéoprotection, page 1.", "Annexe technique\nCaméras et serveurs", "Bordereau des prix, page 3.");

    private static T Bounded<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(Limit), "took longer than the time limit");
        return task.Result;
    }

    /// <summary>Random damage to a valid PDF: bytes overwritten, the end cut off, a block copied elsewhere.</summary>
    private static readonly Gen<byte[]> Damaged = Gen.OneOf(
        Gen.Select(Gen.Int[0, Valid.Length - 1].Array[1, 30], Gen.Byte.Array[1, 30], (positions, values) =>
        {
            var copy = (byte[])Valid.Clone();
            for (var i = 0; i < positions.Length; i++)
            {
                copy[positions[i]] = values[i % values.Length];
            }
            return copy;
        }),
        Gen.Int[9, Valid.Length - 1].Select(length => Valid[..length]),
        Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Int[0, Valid.Length - 1], Gen.Int[1, 400], (at, from, length) =>
        {
            var block = Valid.AsSpan(from, Math.Min(length, Valid.Length - from));
            byte[] inserted = [.. Valid.AsSpan(0, at), .. block, .. Valid.AsSpan(at)];
            return inserted;
        }));

    [Fact]
    public void A_damaged_pdf_is_extracted_or_refused_in_french_and_appended_or_reported_quickly()
    {
        PdfFonts.EnsureFonts();
        var folder = Directory.CreateTempSubdirectory("vigie-hostile-pdf-").FullName;
        try
        {
            Damaged.Sample(bytes =>
            {
                var path = Path.Combine(folder, $"{Guid.NewGuid():N}.pdf");
                File.WriteAllBytes(path, bytes);
                AssertExtractedOrRefused(path);
                AssertAppendedOrReported(bytes);
                File.Delete(path);
            }, iter: 150);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static TheoryData<string> Corpus() => new(Crafted.Keys);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void A_crafted_pdf_neither_hangs_nor_carries_a_script_into_the_case_file(string name)
    {
        PdfFonts.EnsureFonts();
        var bytes = Crafted[name]();
        var path = Path.Combine(Path.GetTempPath(), $"vigie-crafted-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, bytes);
        try
        {
            AssertExtractedOrRefused(path);
            var output = AssertAppendedOrReported(bytes);
            var expanded = Expand(output);
            foreach (var key in new[] { "/JavaScript", "/JS ", "/JS(", "/JS<", "/Launch", "/OpenAction", "/AA ", "/AA<", "/EmbeddedFile", "/SubmitForm", "/RichMedia" })
            {
                Assert.DoesNotContain(key, expanded, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Links_to_web_pages_in_an_appended_pdf_survive_the_cleaning()
    {
        PdfFonts.EnsureFonts();
        var output = AssertAppendedOrReported(Crafted["script-actions"]());
        Assert.Contains("https://www.cada.fr/", Expand(output), StringComparison.Ordinal);
    }

    private static void AssertExtractedOrRefused(string path)
    {
        var outcome = Bounded(() =>
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                var extraction = TextExtraction.Pdf(path, maxPages: 50, budget.Token);
                Assert.All(extraction.Pages, p => Assert.True(p.Text.Length <= TextExtraction.MaxPageCharacters));
                return "";
            }
            catch (ProcessingFailure failure)
            {
                return failure.Message;
            }
        });
        Assert.True(outcome.Length == 0 || outcome.StartsWith("Le PDF ", StringComparison.Ordinal), outcome);
    }

    private static byte[] AssertAppendedOrReported(byte[] bytes)
    {
        var result = Bounded(() =>
        {
            var document = new PrintDocument(new DocumentInfo("Essai"));
            document.Add(new Paragraph([new Run("Dossier d'essai.")]));
            document.AddAppendix(Appendix.Pdf(bytes, "Pièce reçue"));
            return PdfRenderer.Render(document);
        });
        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.Equal(result.PageCount, pdf.NumberOfPages);
        Assert.All(result.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        return result.Pdf;
    }

    /// <summary>The PDF with its streams and object streams expanded by qpdf, so keys cannot hide compressed.</summary>
    private static string Expand(byte[] pdf)
    {
        var input = Path.GetTempFileName();
        var output = input + ".qdf";
        File.WriteAllBytes(input, pdf);
        try
        {
            using var qpdf = Process.Start(new ProcessStartInfo("qpdf", ["--qdf", "--object-streams=disable", input, output]) { RedirectStandardError = true })!;
            qpdf.WaitForExit();
            Assert.True(qpdf.ExitCode is 0 or 3, qpdf.StandardError.ReadToEnd());
            return Encoding.Latin1.GetString(File.ReadAllBytes(output));
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private const string Page = "/Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R";
    private const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    private const string Content = "<< /Length 43 >>\nstream\nBT /F1 12 Tf 50 790 Td (Piece jointe) Tj ET\nendstream";

    /// <summary>Handcrafted files: active content, loops, lies about their size, deep nesting, encryption.</summary>
    private static readonly Dictionary<string, Func<byte[]>> Crafted = new()
    {
        ["script-actions"] = () => Build(
            "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\('x'\\)) >> /Names << /JavaScript << /Names [(a) 6 0 R] >> >> >>",
            "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            Font,
            Content,
            $"<< {Page} /AA << /O << /S /JavaScript /JS (app.alert\\(1\\)) >> >> /Annots [7 0 R 8 0 R 9 0 R] >>",
            "<< /S /JavaScript /JS (this.exportDataObject\\({cName: 'x'}\\)) >>",
            "<< /Type /Annot /Subtype /Link /Rect [50 700 300 720] /A << /S /JavaScript /JS (app.launchURL\\('https://evil.example'\\)) >> >>",
            "<< /Type /Annot /Subtype /Link /Rect [50 650 300 670] /A << /S /Launch /F (cmd.exe) >> >>",
            "<< /Type /Annot /Subtype /Link /Rect [50 600 300 620] /A << /S /URI /URI (https://www.cada.fr/) >> >>"),
        ["embedded-file"] = () => Build(
            "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(x.exe) 6 0 R] >> >> >>",
            "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            Font,
            Content,
            $"<< {Page} /Annots [7 0 R] >>",
            "<< /Type /Filespec /F (x.exe) /EF << /F 8 0 R >> >>",
            "<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS 6 0 R >>",
            "<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream"),
        ["page-tree-loop"] = () => Build(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 5 0 R] /Count 2 >>",
            Font,
            Content,
            $"<< {Page} >>"),
        ["lies-about-page-count"] = () => Build(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [5 0 R] /Count 2000000000 >>",
            Font,
            Content,
            $"<< {Page} >>"),
        ["deep-nesting"] = () => Build(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            Font,
            Content,
            $"<< {Page} /Deep {new string('[', 100_000)}{new string(']', 100_000)} >>"),
        ["huge-length"] = () => Build(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            Font,
            "<< /Length 999999999 >>\nstream\nBT /F1 12 Tf 50 790 Td (Piece jointe) Tj ET\nendstream",
            $"<< {Page} >>"),
        ["no-xref"] = () => Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + string.Concat(Enumerable.Repeat("% filler line\n", 2000)) + "%%EOF\n"),
        ["encrypted-claim"] = () =>
        {
            var bytes = Build("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [5 0 R] /Count 1 >>", Font, Content, $"<< {Page} >>",
                "<< /Filter /Standard /V 2 /R 3 /Length 128 /O <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> /U <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> /P -4 >>");
            return Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(bytes).Replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 6 0 R /ID [<0011> <0011>]", StringComparison.Ordinal));
        },
    };

    /// <summary>A PDF of these objects (numbered from 1, the first the catalog) with a correct cross-reference table.</summary>
    private static byte[] Build(params string[] objects)
    {
        var pdf = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
