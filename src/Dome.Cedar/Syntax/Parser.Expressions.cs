using System.Globalization;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Syntax;

/// <summary>Expressions, by precedence: if-then-else, `||`, `&amp;&amp;`, relations, `+ -`, `*`, unary, member access, primary.</summary>
internal sealed partial class Parser
{
    private Expr ParseExpr()
    {
        if (++nesting > MaxNesting)
        {
            throw new CedarParseException($"expression is too deeply nested (more than {MaxNesting} levels)", Peek.Span);
        }

        try
        {
            var start = Peek;
            if (!start.IsIdentifier("if"))
            {
                return ParseOr();
            }

            Next();
            var condition = ParseExpr();
            ExpectKeyword("then");
            var then = ParseExpr();
            ExpectKeyword("else");
            var otherwise = ParseExpr();
            return Check(new IfExpr(condition, then, otherwise, SpanFrom(start)));
        }
        finally
        {
            nesting--;
        }
    }

    private void ExpectKeyword(string keyword)
    {
        var t = Next();
        if (!t.IsIdentifier(keyword))
        {
            throw Unexpected(t, $"`{keyword}`");
        }
    }

    private Expr ParseOr()
    {
        var start = Peek;
        var left = ParseAnd();
        while (Peek.Kind == TokenKind.OrOr)
        {
            Next();
            var right = ParseAnd();
            left = Check(new AndExpr(true, left, right, SpanFrom(start)));
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var start = Peek;
        var left = ParseRelation();
        while (Peek.Kind == TokenKind.AndAnd)
        {
            Next();
            var right = ParseRelation();
            left = Check(new AndExpr(false, left, right, SpanFrom(start)));
        }

        return left;
    }

    private Expr ParseRelation()
    {
        var start = Peek;
        var left = ParseAdd();
        var t = Peek;
        BinaryOp op;
        switch (t.Kind)
        {
            case TokenKind.Less: op = BinaryOp.Less; break;
            case TokenKind.LessEqual: op = BinaryOp.LessEqual; break;
            case TokenKind.Greater: op = BinaryOp.Greater; break;
            case TokenKind.GreaterEqual: op = BinaryOp.GreaterEqual; break;
            case TokenKind.EqualEqual: op = BinaryOp.Equal; break;
            case TokenKind.NotEqual: op = BinaryOp.NotEqual; break;
            case TokenKind.Identifier when t.Text == "in": op = BinaryOp.In; break;
            case TokenKind.Identifier when t.Text == "has": return ParseHas(start, left);
            case TokenKind.Identifier when t.Text == "like":
                {
                    Next();
                    var pattern = Expect(TokenKind.String, "a pattern string");
                    return Check(new LikeExpr(left, StringEscapes.ParsePattern(pattern.Text, pattern.Span), SpanFrom(start)));
                }

            case TokenKind.Identifier when t.Text == "is":
                {
                    Next();
                    string type = ParseTypeName();
                    var isExpr = Check(new IsExpr(left, type, SpanFrom(start)));
                    if (!Peek.IsIdentifier("in"))
                    {
                        return isExpr;
                    }

                    Next();
                    var container = ParseAdd();
                    var span = SpanFrom(start);
                    return Check(new AndExpr(false, isExpr, Check(new BinaryExpr(BinaryOp.In, left, container, span)), span));
                }

            default:
                return left;
        }

        Next();
        var right = ParseAdd();
        return Check(new BinaryExpr(op, left, right, SpanFrom(start)));
    }

    private Expr ParseHas(Token start, Expr left)
    {
        Next();
        var t = Next();
        if (t.Kind == TokenKind.String)
        {
            return Check(new AttributeExpr(ExprKind.HasAttribute, left, StringEscapes.Unescape(t.Text, t.Span), SpanFrom(start)));
        }

        if (t.Kind != TokenKind.Identifier)
        {
            throw Unexpected(t, "an attribute name");
        }

        // :: `e has a.b.c` means `e has a && e.a has b && e.a.b has c`.
        Expr result = Check(new AttributeExpr(ExprKind.HasAttribute, left, CheckName(t).Text, SpanFrom(start)));
        Expr prefix = left;
        string previous = t.Text;
        while (Peek.Kind == TokenKind.Dot && tokens[pos + 1].Kind == TokenKind.Identifier)
        {
            Next();
            var next = CheckName(Next());
            var span = SpanFrom(start);
            prefix = Check(new AttributeExpr(ExprKind.GetAttribute, prefix, previous, span));
            result = Check(new AndExpr(false, result, Check(new AttributeExpr(ExprKind.HasAttribute, prefix, next.Text, span)), span));
            previous = next.Text;
        }

        return result;
    }

    private Expr ParseAdd()
    {
        var start = Peek;
        var left = ParseMult();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Next().Kind == TokenKind.Plus ? BinaryOp.Add : BinaryOp.Subtract;
            var right = ParseMult();
            left = Check(new BinaryExpr(op, left, right, SpanFrom(start)));
        }

        return left;
    }

    private Expr ParseMult()
    {
        var start = Peek;
        var left = ParseUnary();
        while (Peek.Kind == TokenKind.Star)
        {
            Next();
            var right = ParseUnary();
            left = Check(new BinaryExpr(BinaryOp.Multiply, left, right, SpanFrom(start)));
        }

        return left;
    }

    private Expr ParseUnary()
    {
        var start = Peek;
        Span<TokenKind> ops = stackalloc TokenKind[4];
        int count = 0;
        while (Peek.Kind is TokenKind.Bang or TokenKind.Minus)
        {
            if (count > 0 && Peek.Kind != ops[0])
            {
                throw new CedarParseException($"unexpected token `{Peek.Text}`: `!` and `-` cannot be mixed in a row; add parentheses", Peek.Span);
            }

            if (count == 4)
            {
                throw new CedarParseException($"too many unary operators in a row (at most 4) before `{Shorten(tokens[pos + 1].Text)}`", Peek.Span);
            }

            ops[count++] = Next().Kind;
        }

        Expr operand;
        if (count > 0 && ops[count - 1] == TokenKind.Minus && Peek.Kind == TokenKind.Integer
            && tokens[pos + 1].Kind is not (TokenKind.Dot or TokenKind.LBracket))
        {
            // :: A minus directly before an integer literal is part of the literal, so `-9223372036854775808` is valid.
            var literal = Next();
            if (!ulong.TryParse(literal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong magnitude) || magnitude > 9223372036854775808UL)
            {
                throw new CedarParseException($"integer literal `-{Shorten(literal.Text)}` is out of range", literal.Span);
            }

            long value = magnitude == 9223372036854775808UL ? long.MinValue : -(long)magnitude;
            operand = Literal(LongValue.Of(value), SpanFrom(start));
            count--;
        }
        else
        {
            operand = ParseMember();
        }

        for (int i = count - 1; i >= 0; i--)
        {
            operand = Check(new UnaryExpr(ops[i] == TokenKind.Bang ? UnaryOp.Not : UnaryOp.Negate, operand, SpanFrom(start)));
        }

        return operand;
    }

    private Expr ParseMember()
    {
        var start = Peek;
        var expr = ParsePrimary();
        while (true)
        {
            if (Peek.Kind == TokenKind.Dot)
            {
                Next();
                var name = ExpectName("an attribute or method name");
                if (Peek.Kind == TokenKind.LParen)
                {
                    var args = ParseArguments();
                    expr = MethodCall(expr, name, args, SpanFrom(start));
                }
                else
                {
                    expr = Check(new AttributeExpr(ExprKind.GetAttribute, expr, name.Text, SpanFrom(start)));
                }
            }
            else if (Peek.Kind == TokenKind.LBracket)
            {
                Next();
                var key = Expect(TokenKind.String, "a string attribute name");
                Expect(TokenKind.RBracket, "`]`");
                expr = Check(new AttributeExpr(ExprKind.GetAttribute, expr, StringEscapes.Unescape(key.Text, key.Span), SpanFrom(start)));
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr[] ParseArguments()
    {
        Expect(TokenKind.LParen, "`(`");
        var args = ParseList(TokenKind.RParen, "`)`");
        return args;
    }

    private Expr[] ParseList(TokenKind close, string closeText)
    {
        var items = new List<Expr>();
        if (Peek.Kind != close)
        {
            while (true)
            {
                items.Add(ParseExpr());
                if (Peek.Kind != TokenKind.Comma)
                {
                    break;
                }

                Next();
                if (Peek.Kind == close)
                {
                    break;
                }
            }
        }

        Expect(close, $"`,` or {closeText}");
        return items.ToArray();
    }
}
