using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Syntax;

/// <summary>
/// Recursive-descent parser for Cedar policy text. Nesting is limited (<see cref="MaxNesting"/> levels of brackets and
/// <see cref="MaxDepth"/> levels of syntax tree) so hostile input gives an error, never a stack overflow.
/// </summary>
internal sealed partial class Parser
{
    public const int MaxNesting = 200;
    public const int MaxDepth = 1000;

    private readonly List<Token> tokens;
    private int pos;
    private int nesting;

    private Parser(string text)
    {
        tokens = Lexer.Tokenize(text);
    }

    private Token Peek => tokens[pos];

    /// <summary>Parses a policy file; policies get ids `policy0`, `policy1`, ... in order.</summary>
    public static List<Policy> ParsePolicies(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        var policies = new List<Policy>();
        while (parser.Peek.Kind != TokenKind.End)
        {
            policies.Add(parser.ParsePolicy("policy" + policies.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return policies;
    }

    /// <summary>Parses a single expression, the whole input.</summary>
    public static Expr ParseExpression(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        var expr = parser.ParseExpr();
        parser.ExpectEnd();
        return expr;
    }

    /// <summary>Parses an entity uid such as `A::B::"id"`, the whole input.</summary>
    public static EntityUid ParseEntityUid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        var uid = parser.ParseEntityLiteral();
        parser.ExpectEnd();
        return uid;
    }

    private Policy ParsePolicy(string id)
    {
        var start = Peek;
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        while (Peek.Kind == TokenKind.At)
        {
            Next();
            var name = Expect(TokenKind.Identifier, "an annotation name");
            string value = string.Empty;
            if (Peek.Kind == TokenKind.LParen)
            {
                Next();
                var str = Expect(TokenKind.String, "a string");
                value = StringEscapes.Unescape(str.Text, str.Span);
                Expect(TokenKind.RParen, "`)`");
            }

            if (!annotations.TryAdd(name.Text, value))
            {
                throw new CedarParseException($"duplicate annotation `@{name.Text}`", name.Span);
            }
        }

        var effectToken = Next();
        Effect effect = effectToken.IsIdentifier("permit") ? Effect.Permit
            : effectToken.IsIdentifier("forbid") ? Effect.Forbid
            : throw Unexpected(effectToken, "`permit` or `forbid`");
        Expect(TokenKind.LParen, "`(`");
        var principal = ParseScope("principal");
        Expect(TokenKind.Comma, "`,`");
        var action = ParseActionScope();
        Expect(TokenKind.Comma, "`,`");
        var resource = ParseScope("resource");
        if (Peek.Kind == TokenKind.Comma && tokens[pos + 1].Kind == TokenKind.RParen)
        {
            Next();
        }

        Expect(TokenKind.RParen, "`)`");

        var conditions = new List<Condition>();
        while (Peek.IsIdentifier("when") || Peek.IsIdentifier("unless"))
        {
            var keyword = Next();
            Expect(TokenKind.LBrace, "`{`");
            if (Peek.Kind == TokenKind.RBrace)
            {
                throw new CedarParseException($"`{keyword.Text}` clause is empty", keyword.Span);
            }

            var body = ParseExpr();
            Expect(TokenKind.RBrace, "`}`");
            conditions.Add(new Condition(keyword.Text == "unless", body));
        }

        Expect(TokenKind.Semicolon, "`;`");
        return new Policy(id, effect, annotations, principal, action, resource, conditions.ToArray(), SpanFrom(start));
    }

    private ScopeConstraint ParseScope(string variable)
    {
        var v = Next();
        if (!v.IsIdentifier(variable))
        {
            throw Unexpected(v, $"`{variable}`");
        }

        string slot = "?" + variable;
        if (Peek.Kind == TokenKind.EqualEqual)
        {
            Next();
            return EntityOrSlot(ScopeKind.Equal, null, slot);
        }

        if (Peek.IsIdentifier("in"))
        {
            Next();
            if (Peek.Kind == TokenKind.LBracket)
            {
                throw new CedarParseException($"the right-hand side of `in` in the `{variable}` scope must be a single entity, not a set", Peek.Span);
            }

            return EntityOrSlot(ScopeKind.In, null, slot);
        }

        if (Peek.IsIdentifier("is"))
        {
            Next();
            string type = ParseTypeName();
            if (Peek.IsIdentifier("in"))
            {
                Next();
                return EntityOrSlot(ScopeKind.IsIn, type, slot);
            }

            return new ScopeConstraint(ScopeKind.Is, EntityType: type);
        }

        return ScopeConstraint.Any;
    }

    private ScopeConstraint EntityOrSlot(ScopeKind kind, string? type, string slot)
    {
        if (Peek.Kind == TokenKind.Slot)
        {
            var s = Next();
            if (s.Text != slot)
            {
                throw new CedarParseException($"expected the slot `{slot}`, found `{s.Text}`", s.Span);
            }

            return new ScopeConstraint(kind, EntityType: type, Slot: slot);
        }

        return new ScopeConstraint(kind, ParseEntityLiteral(), type);
    }

    private ScopeConstraint ParseActionScope()
    {
        var v = Next();
        if (!v.IsIdentifier("action"))
        {
            throw Unexpected(v, "`action`");
        }

        if (Peek.Kind == TokenKind.EqualEqual)
        {
            Next();
            return new ScopeConstraint(ScopeKind.Equal, ParseActionLiteral());
        }

        if (Peek.IsIdentifier("is"))
        {
            throw new CedarParseException("`is` is not allowed in the `action` scope", Peek.Span);
        }

        if (!Peek.IsIdentifier("in"))
        {
            return ScopeConstraint.Any;
        }

        Next();
        if (Peek.Kind != TokenKind.LBracket)
        {
            return new ScopeConstraint(ScopeKind.In, ParseActionLiteral());
        }

        Next();
        var list = new List<EntityUid>();
        while (Peek.Kind != TokenKind.RBracket)
        {
            list.Add(ParseActionLiteral());
            if (Peek.Kind != TokenKind.Comma)
            {
                break;
            }

            Next();
        }

        Expect(TokenKind.RBracket, "`]`");
        return new ScopeConstraint(ScopeKind.InSet, Entities: list.ToArray());
    }

    private EntityUid ParseActionLiteral()
    {
        var start = Peek;
        var uid = ParseEntityLiteral();
        if (uid.Type != "Action" && !uid.Type.EndsWith("::Action", StringComparison.Ordinal))
        {
            throw new CedarParseException($"expected an entity of type `Action` in the `action` scope, found `{uid}`", start.Span);
        }

        return uid;
    }

    private EntityUid ParseEntityLiteral()
    {
        var first = ExpectName("an entity uid");
        string type = first.Text;
        while (true)
        {
            Expect(TokenKind.DoubleColon, "`::`");
            if (Peek.Kind == TokenKind.String)
            {
                var id = Next();
                return new EntityUid(type, StringEscapes.Unescape(id.Text, id.Span));
            }

            type += "::" + ExpectName("an identifier or a string").Text;
        }
    }

    private string ParseTypeName()
    {
        string type = ExpectName("an entity type").Text;
        while (Peek.Kind == TokenKind.DoubleColon && tokens[pos + 1].Kind == TokenKind.Identifier)
        {
            Next();
            type += "::" + CheckName(Next()).Text;
        }

        return type;
    }

    /// <summary>An identifier used as a name (type, namespace, attribute, record key): reserved words are refused.</summary>
    private Token ExpectName(string what) => CheckName(Expect(TokenKind.Identifier, what));

    private static Token CheckName(Token t)
    {
        if (t.Text == "__cedar")
        {
            throw new CedarParseException("the name `__cedar` is reserved", t.Span);
        }

        if (Reserved.Contains(t.Text))
        {
            throw new CedarParseException($"this identifier is reserved and cannot be used: `{t.Text}`", t.Span);
        }

        return t;
    }

    private Token Next()
    {
        var t = tokens[pos];
        if (t.Kind != TokenKind.End)
        {
            pos++;
        }

        return t;
    }

    private Token Expect(TokenKind kind, string what)
    {
        var t = Peek;
        if (t.Kind != kind)
        {
            throw Unexpected(t, what);
        }

        return Next();
    }

    private void ExpectEnd()
    {
        if (Peek.Kind != TokenKind.End)
        {
            throw Unexpected(Peek, "end of input");
        }
    }

    private static CedarParseException Unexpected(Token t, string expected) =>
        t.Kind == TokenKind.End
            ? new CedarParseException($"unexpected end of input, expected {expected}", t.Span)
            : new CedarParseException($"unexpected token `{Shorten(t.Kind == TokenKind.String ? "\"" + t.Text + "\"" : t.Text)}`, expected {expected}", t.Span);

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;

    private SourceSpan SpanFrom(Token start)
    {
        var last = tokens[Math.Max(pos - 1, 0)].Span;
        int end = Math.Max(last.Offset + last.Length, start.Span.Offset);
        return new SourceSpan(start.Span.Offset, end - start.Span.Offset, start.Span.Line, start.Span.Column);
    }

    private static T Check<T>(T expr)
        where T : Expr
    {
        if (expr.Depth > MaxDepth)
        {
            throw new CedarParseException($"expression is too deeply nested (more than {MaxDepth} levels)", expr.Span);
        }

        return expr;
    }

    private static LiteralExpr Literal(CedarValue value, SourceSpan span) => new(value, span);
}
