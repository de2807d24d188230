namespace Dome.Cedar.Tests.Differential.Oracle;

/// <summary>
/// One reference answer: a decision with the sorted ids of the determining and erroring policies,
/// or, when the request itself was rejected (entities or context did not parse), the failure.
/// </summary>
internal sealed record OracleResponse(string? Decision, IReadOnlyList<string> Reason, IReadOnlyList<string> Errors, IReadOnlyList<string>? Failure)
{
    public bool IsFailure => Failure is not null;

    public override string ToString() =>
        IsFailure
            ? "failure (" + string.Join("; ", Failure!) + ")"
            : $"{Decision} reason [{string.Join(", ", Reason)}] errors [{string.Join(", ", Errors)}]";
}
