using Dome.Core.Errors;

namespace Dome.Gateway.Output;

/// <summary>Output rules parsed once (paths compiled, detectors resolved), ready for <see cref="OutputGovernor.Apply"/>. Immutable.</summary>
public sealed class CompiledOutputRules
{
    public static readonly CompiledOutputRules None = From(OutputRules.None);

    private CompiledOutputRules(OutputRules rules, PathSegment[][] redactions, CompiledDrop[] drops, DetectorSet detectors)
    {
        Rules = rules;
        Redactions = redactions;
        Drops = drops;
        DetectorSet = detectors;
    }

    public OutputRules Rules { get; }

    /// <summary>The rules' own cap, if any (the governor's cap applies too).</summary>
    public long? MaxBytes => Rules.MaxBytes;

    internal PathSegment[][] Redactions { get; }

    internal CompiledDrop[] Drops { get; }

    internal DetectorSet DetectorSet { get; }

    /// <summary>True when the rules select JSON paths or records, so the body must be JSON.</summary>
    internal bool NeedsJson => Redactions.Length > 0 || Drops.Length > 0;

    internal static CompiledOutputRules From(OutputRules rules)
    {
        if (rules.MaxBytes is < 0)
        {
            throw DomeException.Invalid($"`maxBytes` is {rules.MaxBytes}; it must be zero or more");
        }

        var redactions = new PathSegment[rules.Redact.Count][];
        for (var i = 0; i < redactions.Length; i++)
        {
            redactions[i] = ParsePath(rules.Redact[i], "redact");
        }

        var drops = new CompiledDrop[rules.Drop.Count];
        for (var i = 0; i < drops.Length; i++)
        {
            drops[i] = CompiledDrop.From(rules.Drop[i], ParsePath(rules.Drop[i].Records, "drop.records"), ParsePath(rules.Drop[i].Where, "drop.where"));
        }

        return new CompiledOutputRules(rules, redactions, drops, Detectors.Parse(rules.Detect));
    }

    private static PathSegment[] ParsePath(string path, string member) =>
        JsonPathSyntax.TryParse(path, out var segments, out var problem)
            ? segments
            : throw DomeException.Invalid($"`{member}`: {problem}");
}
