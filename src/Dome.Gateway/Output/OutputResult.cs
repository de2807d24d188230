namespace Dome.Gateway.Output;

/// <summary>The body to pass on, or why there is none, with the counts of what was removed.</summary>
public readonly struct OutputResult
{
    internal OutputResult(ReadOnlyMemory<byte> body, bool changed, RedactionCounts counts, OutputRejection rejection, string? message)
    {
        Body = body;
        Changed = changed;
        Counts = counts;
        Rejection = rejection;
        Message = message;
    }

    public bool IsRejected => Rejection != OutputRejection.None;

    /// <summary>The governed body: the upstream bytes themselves when nothing was removed; empty when rejected.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>True when the body differs from the upstream's.</summary>
    public bool Changed { get; }

    public RedactionCounts Counts { get; }

    public OutputRejection Rejection { get; }

    /// <summary>Why the body was refused, safe to show the caller (names the rule, never content).</summary>
    public string? Message { get; }

    internal static OutputResult Unchanged(ReadOnlyMemory<byte> body) => new(body, false, default, OutputRejection.None, null);

    internal static OutputResult Rejected(OutputRejection rejection, string message) => new(ReadOnlyMemory<byte>.Empty, false, default, rejection, message);
}
