namespace Dome.Cedar.Syntax;

/// <summary>A node of a policy condition's syntax tree. <see cref="Depth"/> is bounded by the parser so evaluation cannot overflow the stack.</summary>
internal abstract class Expr
{
    protected Expr(ExprKind kind, SourceSpan span, int depth)
    {
        Kind = kind;
        Span = span;
        Depth = depth;
    }

    public ExprKind Kind { get; }

    public SourceSpan Span { get; }

    public int Depth { get; }

    protected static int DepthOf(params ReadOnlySpan<Expr?> children)
    {
        int max = 0;
        foreach (var child in children)
        {
            if (child is not null && child.Depth > max)
            {
                max = child.Depth;
            }
        }

        return max + 1;
    }

    protected static int DepthOf(Expr[] children) => DepthOf(new ReadOnlySpan<Expr?>(children));
}
