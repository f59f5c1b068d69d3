using System.Diagnostics;
using PdfSharp.Drawing;
using Xunit.Abstractions;
using SharpDocument = PdfSharp.Pdf.PdfDocument;

namespace Vigie.Pdf.Tests;

public class AppendixTests(ITestOutputHelper output)
{
    static byte[] SourcePdf(int pages, string label = "Page source")
    {
        PdfFonts.EnsureFonts();
        using var document = new SharpDocument();
        var font = new XFont(Typography.Sans, 14);
        for (var i = 1; i <= pages; i++)
        {
            var page = document.AddPage();
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawString($"{label} {i}", font, XBrushes.Black, 72, 100);
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Appending_a_200_page_pdf_adds_200_stamped_pages()
    {
        var source = SourcePdf(200);
        var document = TestPdf.NewDocument().Add(new Heading(1, "Dossier"), new Paragraph("Corps du dossier."));
        document.AddAppendix(Appendix.Pdf(source, "Annexe 2 — Contrat — obtenu le 3 octobre 2019 via la demande CADA n° 12") with { OutlineTitle = "Annexe 2 — Contrat" });
        PdfRenderer.Render(document);

        var clock = Stopwatch.StartNew();
        var result = PdfRenderer.Render(document);
        clock.Stop();
        output.WriteLine($"1 + 200 pages in {clock.ElapsedMilliseconds} ms ({200 / clock.Elapsed.TotalSeconds:0} appended pages/s), {result.Pdf.Length / 1024} KiB");
        TestPdf.Save(result.Pdf, "appendix-200.pdf");

        Assert.Empty(result.Failures);
        Assert.Equal(201, result.PageCount);
        using var pdf = TestPdf.Open(result.Pdf);
        Assert.Equal(201, pdf.NumberOfPages);
        Assert.Contains("Page 1 / 201", TestPdf.NormalizeSpaces(pdf.GetPage(1).Text));
        for (var k = 1; k <= 200; k++)
        {
            var text = TestPdf.NormalizeSpaces(pdf.GetPage(k + 1).Text);
            Assert.Contains($"Page source {k}", text);
            Assert.Contains($"Annexe 2 — Contrat — obtenu le 3 octobre 2019 via la demande CADA n° 12 — page {k}/200", text);
            Assert.Contains($"{k + 1} / 201", text);
        }
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var annexes = bookmarks.Roots.Single(r => r.Title == "Annexes");
        Assert.Equal("Annexe 2 — Contrat", Assert.Single(annexes.Children).Title);
        TestPdf.AssertQpdfAccepts(result.Pdf, "appendix-200-check.pdf");
    }

    [Fact]
    public void Unusable_files_are_reported_in_french_and_skipped()
    {
        var random = new byte[5000];
        new Random(7).NextBytes(random);
        var fakeHeader = "%PDF-1.7\n"u8.ToArray().Concat(random).ToArray();
        var valid = SourcePdf(3);
        var truncated = valid[..(valid.Length / 3)];
        var encrypted = Encrypt(valid, "secret", "owner");

        var document = TestPdf.NewDocument().Add(new Paragraph("Corps."));
        document.AddAppendix(Appendix.Pdf(random, "Annexe A"));
        document.AddAppendix(Appendix.Pdf(fakeHeader, "Annexe B"));
        document.AddAppendix(Appendix.Pdf(truncated, "Annexe C"));
        document.AddAppendix(Appendix.Pdf(encrypted, "Annexe D"));
        document.AddAppendix(Appendix.Pdf([], "Annexe E"));
        document.AddAppendix(Appendix.Image(random, "Annexe F"));
        document.AddAppendix(Appendix.Pdf(valid, "Annexe G"));

        var result = PdfRenderer.Render(document);

        var reasons = result.Failures.ToDictionary(f => f.Appendix.Caption, f => f.Reason);
        Assert.Equal("fichier PDF illisible : ce fichier n'est pas un PDF", reasons["Annexe A"]);
        Assert.Equal("fichier PDF illisible ou endommagé", reasons["Annexe B"]);
        Assert.Equal("fichier PDF illisible ou endommagé", reasons["Annexe C"]);
        Assert.Equal("PDF protégé par mot de passe", reasons["Annexe D"]);
        Assert.Equal("fichier vide", reasons["Annexe E"]);
        Assert.Equal("format d'image non pris en charge (PNG ou JPEG attendu)", reasons["Annexe F"]);
        Assert.False(reasons.ContainsKey("Annexe G"));
        Assert.Equal(4, result.PageCount);
        using var pdf = TestPdf.Open(result.Pdf);
        Assert.Contains("Page 1 / 4", TestPdf.NormalizeSpaces(pdf.GetPage(1).Text));
        Assert.Contains("Annexe G — page 3/3", TestPdf.NormalizeSpaces(pdf.GetPage(4).Text));
    }

    [Fact]
    public void A_pdf_restricted_only_by_an_owner_password_is_appended()
    {
        var restricted = Encrypt(SourcePdf(2, "Restreint"), "", "owner", "--print=none");

        var result = PdfRenderer.Render(TestPdf.NewDocument().AddAppendix(Appendix.Pdf(restricted, "Annexe 3 — Marché")));

        var outcome = result.Failures.Count == 0 ? "appended" : result.Failures[0].Reason;
        output.WriteLine($"owner-password-only PDF: {outcome}");
        Assert.True(result.Failures.Count == 0 || result.Failures[0].Reason == "PDF protégé par mot de passe", outcome);
        if (result.Failures.Count == 0)
        {
            using var pdf = TestPdf.Open(result.Pdf);
            Assert.Contains("Restreint 2", pdf.GetPage(3).Text);
        }
    }

    [Fact]
    public void Oversized_files_are_refused_before_parsing()
    {
        var document = TestPdf.NewDocument().AddAppendix(Appendix.Pdf(SourcePdf(1), "Annexe lourde"));

        var result = PdfRenderer.Render(document, new RenderOptions { MaxAppendixBytes = 1000 });

        Assert.StartsWith("fichier trop volumineux", Assert.Single(result.Failures).Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.PageCount);
    }

    [Fact]
    public void Appendices_past_the_time_budget_are_skipped_with_a_reason()
    {
        var document = TestPdf.NewDocument().AddAppendix(Appendix.Pdf(SourcePdf(1), "Annexe tardive"));

        var result = PdfRenderer.Render(document, new RenderOptions { AppendixTimeBudget = TimeSpan.FromTicks(-1) });

        Assert.Equal("délai de traitement dépassé, annexe non jointe", Assert.Single(result.Failures).Reason);
        Assert.Equal(1, result.PageCount);
    }

    [Fact]
    public void Images_are_appended_one_per_page_scaled_to_fit()
    {
        var wide = TestPdf.Png(1600, 500, (x, y) => ((byte)(x / 7), (byte)(y / 2), 200));
        var jpeg = Jpeg();
        var document = TestPdf.NewDocument().Add(new Paragraph("Corps."));
        document.AddAppendix(Appendix.Image(wide, "Annexe 4 — Photographie du mât"));
        document.AddAppendix(Appendix.Image(jpeg, "Annexe 5 — Scan du courrier"));

        var result = TestPdf.Render(document, "appendix-images.pdf");

        Assert.Empty(result.Failures);
        Assert.Equal(3, result.PageCount);
        using var pdf = TestPdf.Open(result.Pdf);
        var landscape = pdf.GetPage(2);
        Assert.True(landscape.Width > landscape.Height);
        var image = Assert.Single(landscape.GetImages());
        Assert.InRange(image.BoundingBox.Width, landscape.Width - 80, landscape.Width);
        Assert.Contains("Annexe 4 — Photographie du mât — page 1/1", TestPdf.NormalizeSpaces(landscape.Text));
        Assert.Single(pdf.GetPage(3).GetImages());
        Assert.Contains("Annexe 5 — Scan du courrier", TestPdf.NormalizeSpaces(pdf.GetPage(3).Text));
        TestPdf.AssertQpdfAccepts(result.Pdf, "appendix-images-check.pdf");
    }

    [Fact]
    public void Stamps_sit_at_the_displayed_bottom_of_rotated_and_shifted_pages()
    {
        PdfFonts.EnsureFonts();
        using var source = new SharpDocument();
        var font = new XFont(Typography.Sans, 14);
        foreach (var rotate in new[] { 0, 90, 180, 270 })
        {
            var page = source.AddPage();
            using (var gfx = XGraphics.FromPdfPage(page))
                gfx.DrawString($"Rotation {rotate}", font, XBrushes.Black, 72, 100);
            page.Rotate = rotate;
        }
        source.AddPage().MediaBox = new PdfSharp.Pdf.PdfRectangle(new XPoint(100, 100), new XPoint(700, 500));
        using var stream = new MemoryStream();
        source.Save(stream);

        var result = TestPdf.Render(TestPdf.NewDocument().AddAppendix(Appendix.Pdf(stream.ToArray(), "Annexe 6 — Scan")), "appendix-rotated.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        // PdfPig reports letters as displayed (rotation applied, box origin at 0): the stamp must read left to right along the bottom.
        foreach (var number in Enumerable.Range(2, 5))
        {
            var words = pdf.GetPage(number).GetWords().ToList();
            var annexe = words.Single(w => w.Text == "Annexe").Letters[0].StartBaseLine;
            var scan = words.Single(w => w.Text == "Scan").Letters[0].StartBaseLine;
            Assert.True(annexe.Y is > 2 and < 20, $"page {number}: stamp {annexe.Y:0.0} pt above the displayed bottom");
            Assert.True(Math.Abs(annexe.Y - scan.Y) < 0.5 && scan.X > annexe.X, $"page {number}: stamp not horizontal ({annexe} → {scan})");
        }
    }

    static byte[] Encrypt(byte[] pdf, string userPassword, string ownerPassword, params string[] restrictions)
    {
        var input = TestPdf.Save(pdf, $"plain-{Guid.NewGuid():N}.pdf");
        var encrypted = Path.ChangeExtension(input, ".encrypted.pdf");
        var (exitCode, text) = TestPdf.RunTool("qpdf", "qpdf", ["--encrypt", userPassword, ownerPassword, "256", .. restrictions, "--", input, encrypted]);
        Assert.True(exitCode == 0, text);
        return File.ReadAllBytes(encrypted);
    }

    /// <summary>A real JPEG, made by poppler from a rendered page.</summary>
    static byte[] Jpeg()
    {
        var pdf = TestPdf.Save(PdfRenderer.Render(TestPdf.NewDocument().Add(new Paragraph("Scan simulé."))).Pdf, "to-jpeg.pdf");
        var prefix = Path.Combine(TestPdf.ArtifactsFolder, "scan");
        var (exitCode, text) = TestPdf.RunTool("pdftoppm", "poppler-utils", "-jpeg", "-r", "40", "-singlefile", pdf, prefix);
        Assert.True(exitCode == 0, text);
        return File.ReadAllBytes(prefix + ".jpg");
    }
}
