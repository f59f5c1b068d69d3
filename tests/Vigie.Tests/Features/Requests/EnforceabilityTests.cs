using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

public class EnforceabilityTests
{
    [Theory]
    [InlineData(true, Enforceability.Enforceable)]
    [InlineData(false, Enforceability.Indicative)]
    public void Referral_deadline_after_implied_refusal_binds_only_if_the_acknowledgement_stated_appeal_routes(
        bool statesRoutes, Enforceability expected) =>
        Assert.Equal(
            expected,
            Analyse("2019-10-10", Request2019(statesRoutes)).Deadline(DeadlineKind.ReferralDue).Enforceability);

    [Theory]
    [InlineData(true, Enforceability.Enforceable)]
    [InlineData(false, Enforceability.Indicative)]
    public void Referral_deadline_after_written_refusal_binds_only_if_the_refusal_stated_appeal_routes(
        bool statesRoutes, Enforceability expected) =>
        Assert.Equal(
            expected,
            Analyse("2019-09-25", [.. Request2019(true), Refusal("2019-09-20", statesRoutes)])
                .Deadline(DeadlineKind.ReferralDue).Enforceability);

    [Fact]
    public void Indicative_deadline_gives_the_czabaj_reasonable_time_and_says_why()
    {
        var referralDue = Analyse("2019-10-10", Request2019(acknowledgementStatesRoutes: false)).Deadline(DeadlineKind.ReferralDue);

        Assert.Equal(D("2020-10-02"), referralDue.ReasonableTimeLimit);
        Assert.Equal(D("2020-10-02"), referralDue.LastDay);
        Assert.Contains("ne mentionnait pas les voies et délais de recours", referralDue.EnforceabilityReason);
        Assert.Contains("Czabaj, n° 387763", referralDue.EnforceabilityReason);
        Assert.Contains("L112-6", referralDue.EnforceabilityReason);
    }

    [Fact]
    public void Enforceable_deadline_has_no_reasonable_time()
    {
        var referralDue = Analyse("2019-10-10", Request2019(acknowledgementStatesRoutes: true)).Deadline(DeadlineKind.ReferralDue);

        Assert.Null(referralDue.ReasonableTimeLimit);
        Assert.Equal(referralDue.Date, referralDue.LastDay);
    }

    [Fact]
    public void Without_any_acknowledgement_the_referral_deadline_is_indicative()
    {
        var referralDue = Analyse("2019-10-10", Sent("2019-09-02")).Deadline(DeadlineKind.ReferralDue);

        Assert.Equal(Enforceability.Indicative, referralDue.Enforceability);
        Assert.Contains("aucun accusé de réception", referralDue.EnforceabilityReason);
    }

    [Theory]
    [InlineData(true, Enforceability.Enforceable)]
    [InlineData(false, Enforceability.Indicative)]
    public void Court_deadline_after_confirmation_by_silence_follows_the_referred_refusal(bool statesRoutes, Enforceability expected) =>
        Assert.Equal(expected, Analyse("2019-12-21", Referred2019(statesRoutes)).Deadline(DeadlineKind.CourtDue).Enforceability);
}
