using System.Globalization;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Syntax;

/// <summary>Primary expressions (literals, variables, entity uids, calls, sets, records) and method calls.</summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "true", "false", "if", "then", "else", "in", "is", "like", "has", "__cedar",
    };

    private Expr ParsePrimary()
    {
        var start = Peek;
        switch (start.Kind)
        {
            case TokenKind.Integer:
                Next();
                if (!long.TryParse(start.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
                {
                    throw new CedarParseException($"integer literal `{Shorten(start.Text)}` is out of range", start.Span);
                }

                return Literal(LongValue.Of(value), start.Span);
            case TokenKind.String:
                Next();
                return Literal(new StringValue(StringEscapes.Unescape(start.Text, start.Span)), start.Span);
            case TokenKind.Identifier:
                return ParseName();
            case TokenKind.LParen:
                {
                    Next();
                    var inner = ParseExpr();
                    Expect(TokenKind.RParen, "`)`");
                    return inner;
                }

            case TokenKind.LBracket:
                {
                    Next();
                    nesting++;
                    try
                    {
                        var elements = ParseList(TokenKind.RBracket, "`]`");
                        return FoldSet(elements, SpanFrom(start));
                    }
                    finally
                    {
                        nesting--;
                    }
                }

            case TokenKind.LBrace:
                return ParseRecord();
            case TokenKind.Slot:
                throw new CedarParseException($"template slot `{start.Text}` is only allowed in the policy scope", start.Span);
            default:
                throw Unexpected(start, "an expression");
        }
    }

    private Expr ParseName()
    {
        var start = Next();
        if (start.Text == "true" || start.Text == "false")
        {
            return Literal(BoolValue.Of(start.Text == "true"), start.Span);
        }

        string path = start.Text;
        bool qualified = false;
        while (Peek.Kind == TokenKind.DoubleColon)
        {
            CheckName(start);
            Next();
            var part = Next();
            if (part.Kind == TokenKind.String)
            {
                var uid = new EntityUid(path, StringEscapes.Unescape(part.Text, part.Span));
                return Literal(new EntityValue(uid), SpanFrom(start));
            }

            if (part.Kind != TokenKind.Identifier)
            {
                throw Unexpected(part, "an identifier or a string");
            }

            path += "::" + CheckName(part).Text;
            qualified = true;
        }

        if (Peek.Kind == TokenKind.LParen)
        {
            var function = qualified ? null : ExtensionFunctions.Find(path);
            if (function is null)
            {
                throw new CedarParseException($"`{path}` is not a known function", start.Span);
            }

            if (function.IsMethod)
            {
                throw new CedarParseException($"`{path}` is a method, not a function; call it as `x.{path}(...)`", start.Span);
            }

            var args = ParseArguments();
            return ExtensionCall(function, args, SpanFrom(start));
        }

        if (!qualified)
        {
            switch (path)
            {
                case "principal": return new VariableExpr(Variable.Principal, start.Span);
                case "action": return new VariableExpr(Variable.Action, start.Span);
                case "resource": return new VariableExpr(Variable.Resource, start.Span);
                case "context": return new VariableExpr(Variable.Context, start.Span);
            }

            if (Reserved.Contains(path))
            {
                throw new CedarParseException($"unexpected reserved word `{path}`, expected an expression", start.Span);
            }
        }

        throw new CedarParseException($"unknown variable `{path}`; the variables are `principal`, `action`, `resource` and `context`", start.Span);
    }

    private Expr ParseRecord()
    {
        var start = Next();
        nesting++;
        try
        {
            var keys = new List<string>();
            var values = new List<Expr>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (Peek.Kind != TokenKind.RBrace)
            {
                while (true)
                {
                    var keyToken = Next();
                    string key = keyToken.Kind switch
                    {
                        TokenKind.Identifier => CheckName(keyToken).Text,
                        TokenKind.String => StringEscapes.Unescape(keyToken.Text, keyToken.Span),
                        _ => throw Unexpected(keyToken, "a record key"),
                    };
                    if (!seen.Add(key))
                    {
                        throw new CedarParseException($"duplicate key `{key}` in record literal", keyToken.Span);
                    }

                    Expect(TokenKind.Colon, "`:`");
                    keys.Add(key);
                    values.Add(ParseExpr());
                    if (Peek.Kind != TokenKind.Comma)
                    {
                        break;
                    }

                    Next();
                    if (Peek.Kind == TokenKind.RBrace)
                    {
                        break;
                    }
                }
            }

            Expect(TokenKind.RBrace, "`,` or `}`");
            var span = SpanFrom(start);
            bool constant = true;
            foreach (var v in values)
            {
                constant &= v.Kind == ExprKind.Literal;
            }

            if (!constant)
            {
                return Check(new RecordExpr(keys.ToArray(), values.ToArray(), span));
            }

            var record = new Dictionary<string, CedarValue>(keys.Count, StringComparer.Ordinal);
            for (int i = 0; i < keys.Count; i++)
            {
                record[keys[i]] = ((LiteralExpr)values[i]).Value;
            }

            return Literal(RecordValue.Wrap(record), span);
        }
        finally
        {
            nesting--;
        }
    }

    private static Expr FoldSet(Expr[] elements, SourceSpan span)
    {
        var values = new CedarValue[elements.Length];
        for (int i = 0; i < elements.Length; i++)
        {
            if (elements[i] is not LiteralExpr literal)
            {
                return Check(new SetExpr(elements, span));
            }

            values[i] = literal.Value;
        }

        return Literal(SetValue.FromArray(values), span);
    }

    private static Expr MethodCall(Expr receiver, Token name, Expr[] args, SourceSpan span)
    {
        switch (name.Text)
        {
            case "contains": return Check(new BinaryExpr(BinaryOp.Contains, receiver, Single(name, args), span));
            case "containsAll": return Check(new BinaryExpr(BinaryOp.ContainsAll, receiver, Single(name, args), span));
            case "containsAny": return Check(new BinaryExpr(BinaryOp.ContainsAny, receiver, Single(name, args), span));
            case "getTag": return Check(new BinaryExpr(BinaryOp.GetTag, receiver, Single(name, args), span));
            case "hasTag": return Check(new BinaryExpr(BinaryOp.HasTag, receiver, Single(name, args), span));
            case "isEmpty":
                if (args.Length != 0)
                {
                    throw new CedarParseException($"call to `isEmpty` takes no arguments, got {args.Length}", name.Span);
                }

                return Check(new UnaryExpr(UnaryOp.IsEmpty, receiver, span));
        }

        var function = ExtensionFunctions.Find(name.Text);
        if (function is null)
        {
            throw new CedarParseException($"`{name.Text}` is not a known method", name.Span);
        }

        if (!function.IsMethod)
        {
            throw new CedarParseException($"`{name.Text}` is a function, not a method; call it as `{name.Text}(...)`", name.Span);
        }

        var all = new Expr[args.Length + 1];
        all[0] = receiver;
        args.CopyTo(all, 1);
        return ExtensionCall(function, all, span);
    }

    private static Expr Single(Token name, Expr[] args) =>
        args.Length == 1 ? args[0] : throw new CedarParseException($"call to `{name.Text}` takes 1 argument, got {args.Length}", name.Span);

    private static Expr ExtensionCall(ExtensionFunction function, Expr[] args, SourceSpan span)
    {
        var call = Check(new ExtensionCallExpr(function, args, span));
        if (args.Length != function.Arity)
        {
            return call;
        }

        var values = new CedarValue[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is not LiteralExpr literal)
            {
                return call;
            }

            values[i] = literal.Value;
        }

        // :: Constant arguments: compute once now, unless the call fails (then it fails at evaluation, as Cedar requires).
        try
        {
            return new LiteralExpr(function.Invoke(values), span, call);
        }
        catch (EvaluationException)
        {
            return call;
        }
    }
}
