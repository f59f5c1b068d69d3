namespace Vigie.Web.Features.Requests.Deadlines;

// The latest outcome of each requested document, across every reply and refusal.
internal sealed class DocumentLedger(int documentCount)
{
    readonly DocumentOutcome?[] latest = new DocumentOutcome?[documentCount];

    public int Count => latest.Length;

    public bool AllCommunicated => latest.All(o => o is { IsCommunicated: true });

    public bool AnyCommunicated => latest.Any(o => o is { IsCommunicated: true });

    public bool AnyRedacted => latest.Any(o => o is { Status: DocumentStatus.ReceivedRedacted });

    public bool AnyUnanswered => latest.Any(o => o is null or { Status: DocumentStatus.NotAnswered });

    // Returns the numbers that are not documents of the request; their outcomes are ignored.
    public IReadOnlyList<int> Record(IEnumerable<DocumentOutcome> outcomes)
    {
        var unknown = new List<int>();
        foreach (var outcome in outcomes)
        {
            if (outcome.Document < 1 || outcome.Document > latest.Length)
                unknown.Add(outcome.Document);
            else
                latest[outcome.Document - 1] = outcome;
        }
        return unknown;
    }

    public void RefuseRemaining(RefusalGround ground)
    {
        for (var i = 0; i < latest.Length; i++)
        {
            if (latest[i] is not { IsCommunicated: true })
                latest[i] = DocumentOutcome.Refused(i + 1, ground);
        }
    }

    public IReadOnlyList<DocumentOutcome> Latest() =>
        latest.Select((o, i) => o ?? DocumentOutcome.NotAnswered(i + 1)).ToList();

    public DocumentsSummary Summary() => new(
        latest.Length,
        latest.Count(o => o is { Status: DocumentStatus.Received }),
        latest.Count(o => o is { Status: DocumentStatus.ReceivedRedacted }),
        latest.Count(o => o is { Status: DocumentStatus.Refused }),
        latest.Count(o => o is null or { Status: DocumentStatus.NotAnswered }));
}
