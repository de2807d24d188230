using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>Structural equality of expressions, ignoring source spans (depth is bounded by the parser).</summary>
internal static class ExprStructure
{
    public static bool Equal(Expr a, Expr b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Kind != b.Kind)
        {
            return false;
        }

        return (a, b) switch
        {
            (SlotExpr x, SlotExpr y) => x.IsPrincipal == y.IsPrincipal,
            (SlotExpr, _) or (_, SlotExpr) => false,
            (LiteralExpr x, LiteralExpr y) => x.Value.Equals(y.Value),
            (VariableExpr x, VariableExpr y) => x.Variable == y.Variable,
            (UnaryExpr x, UnaryExpr y) => x.Op == y.Op && Equal(x.Operand, y.Operand),
            (BinaryExpr x, BinaryExpr y) => x.Op == y.Op && Equal(x.Left, y.Left) && Equal(x.Right, y.Right),
            (AndExpr x, AndExpr y) => Equal(x.Left, y.Left) && Equal(x.Right, y.Right),
            (IfExpr x, IfExpr y) => Equal(x.Condition, y.Condition) && Equal(x.Then, y.Then) && Equal(x.Else, y.Else),
            (AttributeExpr x, AttributeExpr y) => x.Attribute == y.Attribute && Equal(x.Target, y.Target),
            (LikeExpr x, LikeExpr y) => x.Pattern.ToString() == y.Pattern.ToString() && Equal(x.Target, y.Target),
            (IsExpr x, IsExpr y) => x.EntityType == y.EntityType && Equal(x.Target, y.Target),
            (ExtensionCallExpr x, ExtensionCallExpr y) => x.Function.Name == y.Function.Name && AllEqual(x.Arguments, y.Arguments),
            (SetExpr x, SetExpr y) => AllEqual(x.Elements, y.Elements),
            (RecordExpr x, RecordExpr y) => x.Keys.SequenceEqual(y.Keys) && AllEqual(x.Values, y.Values),
            _ => false,
        };
    }

    private static bool AllEqual(Expr[] a, Expr[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (!Equal(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
