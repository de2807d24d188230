namespace Dome.Gateway.Output;

/// <summary>A sensitive substring found in a text: where it is and what it looks like.</summary>
internal readonly record struct TextMatch(int Start, int Length, RedactionKind Kind)
{
    public static readonly TextMatch None = new(int.MaxValue, 0, RedactionKind.Field);

    public bool Found => Start != int.MaxValue;

    public int End => Start + Length;
}
