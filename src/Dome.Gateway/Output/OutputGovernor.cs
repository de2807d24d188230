namespace Dome.Gateway.Output;

/// <summary>Step 9 of the pipeline (implementation follows in the next commit; the signature is final).</summary>
public sealed partial class OutputGovernor
{
    /// <summary>
    /// Applies output rules to an upstream body: caps its size, redacts JSON paths (the rules' and
    /// <paramref name="extraRedactions"/>, from <c>@redact</c> annotations of the determining policies), drops records,
    /// filters secrets and PII. Thread-safe; allocates only the governed body when something changed.
    /// </summary>
    public OutputResult Apply(ReadOnlyMemory<byte> body, string? contentType, CompiledOutputRules rules, IReadOnlyList<string>? extraRedactions = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _ = (body, contentType, extraRedactions);
        throw new NotSupportedException("output governance is being implemented; it fails closed until then");
    }
}
