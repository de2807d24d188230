namespace Dome.Cedar.Tests.Differential;

/// <summary>Dome's answer to one request, in the oracle's terms (sorted policy ids), or its failure.</summary>
internal sealed record EngineOutcome(string? Decision, IReadOnlyList<string> Reason, IReadOnlyList<string> Errors, string? Failure)
{
    public static EngineOutcome Failed(string message) => new(null, [], [], message);

    public override string ToString() =>
        Failure is not null
            ? "failure (" + Failure + ")"
            : $"{Decision} reason [{string.Join(", ", Reason)}] errors [{string.Join(", ", Errors)}]";
}
