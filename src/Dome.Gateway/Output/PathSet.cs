namespace Dome.Gateway.Output;

/// <summary>
/// The paths one call matches: the rules' redactions, the call's extra redactions, then the drop rules' record
/// paths, numbered in that order without copying them.
/// </summary>
internal readonly struct PathSet(CompiledOutputRules rules, PathSegment[][] extra)
{
    public int RedactionCount => rules.Redactions.Length + extra.Length;

    public int Count => RedactionCount + rules.Drops.Length;

    public PathSegment[] this[int index] =>
        index < rules.Redactions.Length ? rules.Redactions[index]
        : index < RedactionCount ? extra[index - rules.Redactions.Length]
        : rules.Drops[index - RedactionCount].Records;

    public CompiledDrop Drop(int index) => rules.Drops[index - RedactionCount];
}
