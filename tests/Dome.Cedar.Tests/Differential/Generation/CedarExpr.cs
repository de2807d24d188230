namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>
/// A generated Cedar expression as text, with the grammar level it parses at, so an enclosing
/// operator adds parentheses only where the grammar needs them.
/// </summary>
internal readonly record struct CedarExpr(string Text, int Level)
{
    /// <summary>`if`-expressions: valid only as a whole expression or inside brackets.</summary>
    public const int IfLevel = 0;
    public const int OrLevel = 1;
    public const int AndLevel = 2;
    public const int RelationLevel = 3;
    public const int AddLevel = 4;
    public const int MultLevel = 5;
    public const int UnaryLevel = 6;
    public const int MemberLevel = 7;

    public static CedarExpr Primary(string text) => new(text, MemberLevel);

    /// <summary>The text, parenthesized when it parses below <paramref name="required"/>.</summary>
    public string At(int required) => Level >= required ? Text : "(" + Text + ")";

    public override string ToString() => Text;
}
