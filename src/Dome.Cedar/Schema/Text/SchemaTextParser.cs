using Dome.Cedar.Schema.Model;

namespace Dome.Cedar.Schema.Text;

/// <summary>
/// Recursive-descent parser for the human-readable schema format (<c>.cedarschema</c>). Type nesting is
/// bounded by <see cref="MaxTypeDepth"/>, so hostile input gives an error instead of exhausting the stack.
/// </summary>
internal sealed partial class SchemaTextParser
{
    /// <summary>The deepest nesting of <c>Set&lt;...&gt;</c> and record types accepted.</summary>
    public const int MaxTypeDepth = 128;

    private readonly List<SchemaToken> _tokens;
    private int _index;
    private int _depth;

    private SchemaTextParser(List<SchemaToken> tokens) => _tokens = tokens;

    /// <summary>Parses schema text into a fragment; throws <see cref="CedarSchemaException"/> with a location on error.</summary>
    public static SchemaFragment Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new SchemaTextParser(new SchemaLexer(text).Tokenize());
        return parser.ParseSchema();
    }

    private SchemaToken Current => _tokens[_index];

    private SchemaToken Peek(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private SchemaFragment ParseSchema()
    {
        var namespaces = new List<SchemaNamespaceDecl>();
        var top = new NamespaceBuilder(string.Empty, [], null);
        while (Current.Kind != SchemaTokenKind.End)
        {
            var annotations = ParseAnnotations();
            if (Current.IsWord("namespace"))
            {
                namespaces.Add(ParseNamespace(annotations));
            }
            else
            {
                ParseDeclaration(top, annotations);
            }
        }

        if (top.HasDeclarations)
        {
            namespaces.Insert(0, top.Build());
        }

        return new SchemaFragment(namespaces);
    }

    private SchemaNamespaceDecl ParseNamespace(List<SchemaAnnotation> annotations)
    {
        var start = Advance().Span;
        var (name, _) = ParsePath();
        var builder = new NamespaceBuilder(name, annotations, start);
        Expect(SchemaTokenKind.LeftBrace, "`{`");
        while (Current.Kind != SchemaTokenKind.RightBrace)
        {
            if (Current.Kind == SchemaTokenKind.End)
            {
                throw Unexpected("`}`");
            }

            var declAnnotations = ParseAnnotations();
            if (Current.IsWord("namespace"))
            {
                throw Error($"unexpected token `namespace`: namespaces cannot be nested", Current.Span);
            }

            ParseDeclaration(builder, declAnnotations);
        }

        Advance();
        return builder.Build();
    }

    private void ParseDeclaration(NamespaceBuilder ns, List<SchemaAnnotation> annotations)
    {
        if (Current.IsWord("entity"))
        {
            ParseEntity(ns, annotations);
        }
        else if (Current.IsWord("action"))
        {
            ParseAction(ns, annotations);
        }
        else if (Current.IsWord("type"))
        {
            ParseCommonType(ns, annotations);
        }
        else
        {
            throw Unexpected("`namespace`, `entity`, `action`, `type` or `@`");
        }
    }

    private List<SchemaAnnotation> ParseAnnotations()
    {
        var annotations = new List<SchemaAnnotation>();
        while (Current.Kind == SchemaTokenKind.At)
        {
            var at = Advance();
            var key = Expect(SchemaTokenKind.Identifier, "an annotation name");
            string value = string.Empty;
            if (Current.Kind == SchemaTokenKind.LeftParen)
            {
                Advance();
                value = Expect(SchemaTokenKind.String, "a string literal").Text;
                Expect(SchemaTokenKind.RightParen, "`)`");
            }

            if (annotations.Exists(a => a.Key == key.Text))
            {
                throw Error($"duplicate annotation `@{key.Text}`", key.Span);
            }

            annotations.Add(new SchemaAnnotation(key.Text, value, at.Span));
        }

        return annotations;
    }

    private (string Name, SchemaSourceSpan Span) ParsePath()
    {
        var first = ExpectIdentifier("an identifier");
        var parts = new List<string> { first.Text };
        var last = first.Span;
        while (Current.Kind == SchemaTokenKind.DoubleColon && Peek(1).Kind == SchemaTokenKind.Identifier)
        {
            Advance();
            var part = Advance();
            RejectReserved(part);
            parts.Add(part.Text);
            last = part.Span;
        }

        return (string.Join("::", parts), Cover(first.Span, last));
    }

    private SchemaToken Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private SchemaToken Expect(SchemaTokenKind kind, string expected)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(expected);
        }

        return Advance();
    }

    /// <summary>An identifier that may name something (Cedar's reserved words may not).</summary>
    private SchemaToken ExpectIdentifier(string expected)
    {
        var token = Expect(SchemaTokenKind.Identifier, expected);
        RejectReserved(token);
        return token;
    }

    private static void RejectReserved(SchemaToken token)
    {
        if (token.Kind == SchemaTokenKind.Identifier && SchemaTextEscaper.ReservedWords.Contains(token.Text))
        {
            throw Error($"`{token.Text}` is a reserved identifier", token.Span);
        }
    }

    private void ExpectWord(string word)
    {
        if (!Current.IsWord(word))
        {
            throw Unexpected($"`{word}`");
        }

        Advance();
    }

    private CedarSchemaException Unexpected(string expected)
    {
        var token = Current;
        string message = token.Kind == SchemaTokenKind.End
            ? $"unexpected end of input, expected {expected}"
            : $"unexpected token {token.Describe()}, expected {expected}";
        return Error(message, token.Span);
    }

    private static SchemaSourceSpan Cover(SchemaSourceSpan first, SchemaSourceSpan last) =>
        first with { Length = Math.Max(first.Length, last.Offset + last.Length - first.Offset) };

    private static CedarSchemaException Error(string message, SchemaSourceSpan span) =>
        new(new SchemaDiagnostic(message, span));
}
