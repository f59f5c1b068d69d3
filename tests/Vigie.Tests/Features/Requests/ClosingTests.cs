using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

public class ClosingTests
{
    [Fact]
    public void Satisfied_request_has_no_deadlines()
    {
        var analysis = Analyse("2019-12-01", [.. Request2019(), Reply("2019-09-20", DocumentOutcome.Received(1), DocumentOutcome.Received(2))]);

        Assert.Equal(RequestState.Satisfied, analysis.State);
        Assert.Equal(ClosingOutcome.Satisfied, analysis.ClosingOutcome);
        Assert.Empty(analysis.Deadlines);
        Assert.Empty(analysis.Warnings);
    }

    [Fact]
    public void Documents_received_after_the_referral_satisfy_the_request()
    {
        var analysis = Analyse(
            "2020-01-10",
            [.. Referred2019(), Reply("2019-12-01", DocumentOutcome.Received(1)), Reply("2019-12-05", DocumentOutcome.Redacted(2))]);

        Assert.Equal(RequestState.Satisfied, analysis.State);
        Assert.Empty(analysis.Deadlines);
    }

    [Fact]
    public void Redacted_documents_satisfy_the_request_with_a_warning()
    {
        var analysis = Analyse("2019-10-01", [.. Request2019(), Reply("2019-09-20", DocumentOutcome.Redacted(1), DocumentOutcome.Redacted(2))]);

        Assert.Equal(RequestState.Satisfied, analysis.State);
        Assert.Contains(WarningKind.RedactedDocuments, analysis.WarningKinds());
    }

    [Fact]
    public void Redacted_beside_refused_documents_is_a_partial_reply()
    {
        var analysis = Analyse(
            "2019-10-01",
            [.. Request2019(), Reply("2019-09-20", DocumentOutcome.Redacted(1), DocumentOutcome.Refused(2, RefusalGround.PublicSecurity))]);

        Assert.Equal(RequestState.PartialReply, analysis.State);
        Assert.Equal(new DocumentsSummary(2, 0, 1, 1, 0), analysis.Documents);
    }

    [Fact]
    public void Withdrawn_request_is_closed_as_abandoned_without_deadlines()
    {
        var analysis = Analyse("2019-10-10", [.. Request2019(), Withdrawn("2019-10-05")]);

        Assert.Equal(ClosingOutcome.Abandoned, analysis.ClosingOutcome);
        Assert.Empty(analysis.Deadlines);
    }

    [Fact]
    public void Events_after_closing_are_ignored_with_a_warning()
    {
        var analysis = Analyse("2019-10-10", [.. Request2019(), Withdrawn("2019-10-05"), Referral("2019-10-08")]);

        Assert.Equal(ClosingOutcome.Abandoned, analysis.ClosingOutcome);
        Assert.Contains(WarningKind.EventAfterClosing, analysis.WarningKinds());
    }

    [Fact]
    public void Unknown_document_numbers_are_ignored_with_a_warning()
    {
        var analysis = Analyse("2019-10-01", [.. Request2019(), Reply("2019-09-20", DocumentOutcome.Received(1), DocumentOutcome.Received(3))]);

        Assert.Contains(WarningKind.UnknownDocument, analysis.WarningKinds());
        Assert.Equal(RequestState.PartialReply, analysis.State);
    }

    [Fact]
    public void Request_without_sending_is_a_draft_without_deadlines()
    {
        var analysis = Analyse("2019-10-01", Received("2019-09-02"));

        Assert.Equal(RequestState.Draft, analysis.State);
        Assert.Empty(analysis.Deadlines);
        Assert.Contains(WarningKind.EventsWithoutSending, analysis.WarningKinds());
    }

    [Fact]
    public void Request_context_needs_at_least_one_document() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestContext(0, "78"));

    [Fact]
    public void Time_barred_request_after_the_court_window_asks_to_renew_it() =>
        Assert.Equal(
            "Renouveler la demande : le délai de recours devant le tribunal administratif a expiré, mais le droit d'accès aux "
            + "documents demeure (art. L311-1 CRPA) et une nouvelle demande fait courir de nouveaux délais.",
            Analyse("2020-02-22", Referred2019()).NextAction);

    [Fact]
    public void Renewed_request_says_so_instead_of_asking_to_renew_it()
    {
        var analysis = new DeadlineEngine().Analyse(
            new RequestContext(2, "78") { RenewedOn = D("2020-01-15") }, Request2019(acknowledgementStatesRoutes: true), D("2020-02-01"));

        Assert.Equal(ClosingOutcome.TimeBarred, analysis.ClosingOutcome);
        Assert.Equal("Aucune action : la demande a été renouvelée le 15 janvier 2020.", analysis.NextAction);
    }
}
