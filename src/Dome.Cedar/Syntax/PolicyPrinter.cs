using System.Text;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Syntax;

/// <summary>Prints policies and expressions back to Cedar text. Nested operators are parenthesized, so the text parses back to the same tree.</summary>
internal static class PolicyPrinter
{
    public static string Print(Policy policy)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in policy.Annotations)
        {
            sb.Append('@').Append(key).Append('(').Append(StringEscapes.Quote(value)).Append(")\n");
        }

        sb.Append(policy.Effect == Effect.Permit ? "permit" : "forbid").Append(" (\n  ");
        Scope(sb, "principal", policy.Principal);
        sb.Append(",\n  ");
        Scope(sb, "action", policy.Action);
        sb.Append(",\n  ");
        Scope(sb, "resource", policy.Resource);
        sb.Append("\n)");
        foreach (var condition in policy.Conditions)
        {
            sb.Append(condition.IsUnless ? "\nunless {\n  " : "\nwhen {\n  ");
            Append(sb, condition.Body);
            sb.Append("\n}");
        }

        return sb.Append(';').ToString();
    }

    public static string Print(Expr expr)
    {
        var sb = new StringBuilder();
        Append(sb, expr);
        return sb.ToString();
    }

    private static void Scope(StringBuilder sb, string variable, ScopeConstraint scope)
    {
        sb.Append(variable);
        string target = scope.Slot ?? scope.Entity?.ToString() ?? string.Empty;
        switch (scope.Kind)
        {
            case ScopeKind.Equal: sb.Append(" == ").Append(target); break;
            case ScopeKind.In: sb.Append(" in ").Append(target); break;
            case ScopeKind.Is: sb.Append(" is ").Append(scope.EntityType); break;
            case ScopeKind.IsIn: sb.Append(" is ").Append(scope.EntityType).Append(" in ").Append(target); break;
            case ScopeKind.InSet: sb.Append(" in [").AppendJoin(", ", scope.Entities!.Select(e => e.ToString())).Append(']'); break;
        }
    }

    private static void Append(StringBuilder sb, Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr l:
                sb.Append(l.Value.ToString());
                break;
            case VariableExpr v:
                sb.Append(v.Variable.ToString().ToLowerInvariant());
                break;
            case UnaryExpr u when u.Op == UnaryOp.IsEmpty:
                Operand(sb, u.Operand);
                sb.Append(".isEmpty()");
                break;
            case UnaryExpr u:
                sb.Append(u.Op == UnaryOp.Not ? "!" : "-");
                Operand(sb, u.Operand);
                break;
            case BinaryExpr b:
                Binary(sb, b);
                break;
            case AndExpr a:
                Operand(sb, a.Left);
                sb.Append(a.IsOr ? " || " : " && ");
                Operand(sb, a.Right);
                break;
            case IfExpr i:
                sb.Append("if ");
                Operand(sb, i.Condition);
                sb.Append(" then ");
                Operand(sb, i.Then);
                sb.Append(" else ");
                Operand(sb, i.Else);
                break;
            case AttributeExpr a:
                Operand(sb, a.Target);
                if (a.Kind == ExprKind.HasAttribute)
                {
                    sb.Append(" has ").Append(StringEscapes.Quote(a.Attribute));
                }
                else
                {
                    sb.Append('[').Append(StringEscapes.Quote(a.Attribute)).Append(']');
                }

                break;
            case LikeExpr l:
                Operand(sb, l.Target);
                sb.Append(" like \"").Append(l.Pattern.ToString()).Append('"');
                break;
            case IsExpr i:
                Operand(sb, i.Target);
                sb.Append(" is ").Append(i.EntityType);
                break;
            case ExtensionCallExpr c:
                Call(sb, c);
                break;
            case SetExpr s:
                sb.Append('[');
                for (int k = 0; k < s.Elements.Length; k++)
                {
                    sb.Append(k == 0 ? string.Empty : ", ");
                    Append(sb, s.Elements[k]);
                }

                sb.Append(']');
                break;
            case RecordExpr r:
                sb.Append('{');
                for (int k = 0; k < r.Keys.Length; k++)
                {
                    sb.Append(k == 0 ? string.Empty : ", ").Append(StringEscapes.Quote(r.Keys[k])).Append(": ");
                    Append(sb, r.Values[k]);
                }

                sb.Append('}');
                break;
        }
    }

    private static void Binary(StringBuilder sb, BinaryExpr b)
    {
        string? method = b.Op switch
        {
            BinaryOp.Contains => "contains",
            BinaryOp.ContainsAll => "containsAll",
            BinaryOp.ContainsAny => "containsAny",
            BinaryOp.GetTag => "getTag",
            BinaryOp.HasTag => "hasTag",
            _ => null,
        };
        if (method is not null)
        {
            Operand(sb, b.Left);
            sb.Append('.').Append(method).Append('(');
            Append(sb, b.Right);
            sb.Append(')');
            return;
        }

        Operand(sb, b.Left);
        sb.Append(b.Op switch
        {
            BinaryOp.Equal => " == ",
            BinaryOp.NotEqual => " != ",
            BinaryOp.Less => " < ",
            BinaryOp.LessEqual => " <= ",
            BinaryOp.Greater => " > ",
            BinaryOp.GreaterEqual => " >= ",
            BinaryOp.Add => " + ",
            BinaryOp.Subtract => " - ",
            BinaryOp.Multiply => " * ",
            _ => " in ",
        });
        Operand(sb, b.Right);
    }

    private static void Call(StringBuilder sb, ExtensionCallExpr c)
    {
        int first = 0;
        if (c.Function.IsMethod)
        {
            Operand(sb, c.Arguments[0]);
            sb.Append('.');
            first = 1;
        }

        sb.Append(c.Function.Name).Append('(');
        for (int k = first; k < c.Arguments.Length; k++)
        {
            sb.Append(k == first ? string.Empty : ", ");
            Append(sb, c.Arguments[k]);
        }

        sb.Append(')');
    }

    /// <summary>Operands are parenthesized unless they are atoms, so precedence never changes on re-parse.</summary>
    private static void Operand(StringBuilder sb, Expr expr)
    {
        bool atom = expr.Kind is ExprKind.Variable or ExprKind.Set or ExprKind.Record or ExprKind.ExtensionCall
            || (expr is LiteralExpr l && !(l.Value is LongValue n && n.Value < 0));
        if (atom)
        {
            Append(sb, expr);
            return;
        }

        sb.Append('(');
        Append(sb, expr);
        sb.Append(')');
    }
}
