using Dome.Cedar.Schema.Model;

namespace Dome.Cedar.Schema.Text;

/// <summary>Types: paths, <c>Set&lt;T&gt;</c> and records, with a nesting bound.</summary>
internal sealed partial class SchemaTextParser
{
    private SchemaTypeExpr ParseType()
    {
        if (Current.Kind == SchemaTokenKind.LeftBrace)
        {
            return ParseRecord();
        }

        if (Current.IsWord("Set") && Peek(1).Kind == SchemaTokenKind.LeftAngle)
        {
            var start = Advance().Span;
            Advance();
            Enter(start);
            var element = ParseType();
            _depth--;
            var close = Expect(SchemaTokenKind.RightAngle, "`>`");
            return new SchemaSetTypeExpr(element) { Span = Cover(start, close.Span) };
        }

        if (Current.Kind != SchemaTokenKind.Identifier)
        {
            throw Unexpected("a type");
        }

        var (name, span) = ParsePath();
        return new SchemaNameTypeExpr(name) { Span = span };
    }

    private SchemaRecordTypeExpr ParseRecord()
    {
        var start = Expect(SchemaTokenKind.LeftBrace, "`{`").Span;
        Enter(start);
        var attributes = new List<SchemaAttributeDecl>();
        while (Current.Kind != SchemaTokenKind.RightBrace)
        {
            var annotations = ParseAnnotations();
            var name = ParseName("an attribute name");
            bool required = true;
            if (Current.Kind == SchemaTokenKind.Question)
            {
                Advance();
                required = false;
            }

            Expect(SchemaTokenKind.Colon, "`:`");
            var type = ParseType();
            if (attributes.Exists(a => a.Name == name.Text))
            {
                throw Error($"duplicate attribute `{name.Text}`", name.Span);
            }

            attributes.Add(new SchemaAttributeDecl(name.Text, type, required, annotations, name.Span));
            if (Current.Kind != SchemaTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        var close = Expect(SchemaTokenKind.RightBrace, "`,` or `}`");
        _depth--;
        return new SchemaRecordTypeExpr(attributes) { Span = Cover(start, close.Span) };
    }

    private List<SchemaName> ParseTypeList()
    {
        var names = new List<SchemaName>();
        if (Current.Kind != SchemaTokenKind.LeftBracket)
        {
            var (single, span) = ParsePath();
            names.Add(new SchemaName(single, span));
            return names;
        }

        Advance();
        while (Current.Kind != SchemaTokenKind.RightBracket)
        {
            var (name, span) = ParsePath();
            names.Add(new SchemaName(name, span));
            if (Current.Kind != SchemaTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(SchemaTokenKind.RightBracket, "`,` or `]`");
        return names;
    }

    private void Enter(SchemaSourceSpan at)
    {
        if (++_depth > MaxTypeDepth)
        {
            throw Error($"type nesting is deeper than the limit of {MaxTypeDepth}", at);
        }
    }
}
