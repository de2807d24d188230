namespace Dome.Cedar.Syntax;

/// <summary>A range of policy text: offset and length in characters, plus the 1-based line and column where it starts.</summary>
public readonly record struct SourceSpan(int Offset, int Length, int Line, int Column)
{
    /// <summary>`line:column`, the form used in error messages.</summary>
    public override string ToString() => $"{Line}:{Column}";
}
