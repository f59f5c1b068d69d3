using System.Globalization;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Tests.Features.Requests;

// Short builders so that each test reads as the story of a request.
internal static class Cada
{
    public const string OpinionNumber = "20194321";

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static RequestAnalysis Analyse(string today, params RequestEvent[] events) => AnalyseIn("78", today, events);

    public static RequestAnalysis AnalyseIn(string department, string today, params RequestEvent[] events) =>
        new DeadlineEngine().Analyse(new RequestContext(2, department), events, D(today));

    public static RequestSent Sent(string date) => new(D(date));

    public static ReceivedByBody Received(string date, bool statesRoutes = false) => new(D(date), statesRoutes);

    public static ReminderSent Reminder(string date) => new(D(date));

    public static ReplyReceived Reply(string date, params DocumentOutcome[] documents) => new(D(date), documents);

    public static ExplicitRefusal Refusal(string date, bool statesRoutes = false) =>
        new(D(date), RefusalGround.PublicSecurity, statesRoutes);

    public static ReferralSent Referral(string date) => new(D(date));

    public static ReferralRegistered Registered(string date) => new(D(date), OpinionNumber);

    public static CadaOpinion Opinion(string date, OpinionSens sens = OpinionSens.Favorable) => new(D(date), OpinionNumber, sens);

    public static DecisionAfterOpinion Decision(string date, BodyDecision decision, bool statesRoutes = false) =>
        new(D(date), decision, statesRoutes);

    public static CourtCaseFiled Court(string date) => new(D(date));

    public static RequestWithdrawn Withdrawn(string date) => new(D(date));

    public static Deadline Deadline(this RequestAnalysis analysis, DeadlineKind kind) =>
        analysis.Find(kind) ?? throw new Xunit.Sdk.XunitException($"No {kind} deadline; state {analysis.State}.");

    public static IEnumerable<WarningKind> WarningKinds(this RequestAnalysis analysis) => analysis.Warnings.Select(w => w.Kind);

    // Received on Monday 2 September 2019; the implied refusal is born on Wednesday 2 October 2019.
    public static RequestEvent[] Request2019(bool acknowledgementStatesRoutes = false) =>
        [Sent("2019-08-30"), Received("2019-09-02", acknowledgementStatesRoutes)];

    // The same request referred on 15 October and registered by the CADA on Sunday 20 October 2019.
    public static RequestEvent[] Referred2019(bool acknowledgementStatesRoutes = true) =>
        [.. Request2019(acknowledgementStatesRoutes), Referral("2019-10-15"), Registered("2019-10-20")];
}
