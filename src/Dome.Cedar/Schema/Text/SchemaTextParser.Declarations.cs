using Dome.Cedar.Schema.Model;

namespace Dome.Cedar.Schema.Text;

/// <summary>Entity, action and common type declarations.</summary>
internal sealed partial class SchemaTextParser
{
    private void ParseEntity(NamespaceBuilder ns, List<SchemaAnnotation> annotations)
    {
        var start = Advance().Span;
        var names = new List<SchemaToken> { ExpectIdentifier("an entity type name") };
        while (Current.Kind == SchemaTokenKind.Comma)
        {
            Advance();
            names.Add(ExpectIdentifier("an entity type name"));
        }

        if (Current.IsWord("enum"))
        {
            Advance();
            var ids = ParseEnumIds();
            Expect(SchemaTokenKind.Semicolon, "`;`");
            foreach (var name in names)
            {
                ns.EntityTypes.Add(new SchemaEntityTypeDecl(name.Text, [], null, null, ids, annotations, Cover(start, name.Span)));
            }

            return;
        }

        var parents = new List<SchemaName>();
        if (Current.IsWord("in"))
        {
            Advance();
            parents = ParseTypeList();
        }

        SchemaTypeExpr? shape = null;
        if (Current.Kind == SchemaTokenKind.Equals)
        {
            Advance();
            if (Current.Kind != SchemaTokenKind.LeftBrace)
            {
                throw Unexpected("`{`");
            }
        }

        if (Current.Kind == SchemaTokenKind.LeftBrace)
        {
            shape = ParseRecord();
        }

        SchemaTypeExpr? tags = null;
        if (Current.IsWord("tags"))
        {
            Advance();
            tags = ParseType();
        }

        if (Current.Kind != SchemaTokenKind.Semicolon)
        {
            throw Unexpected(shape is null && tags is null && parents.Count == 0
                ? "`in`, `=`, `{`, `tags`, `enum`, `,` or `;`"
                : "`;`");
        }

        Advance();
        foreach (var name in names)
        {
            ns.EntityTypes.Add(new SchemaEntityTypeDecl(name.Text, parents, shape, tags, null, annotations, Cover(start, name.Span)));
        }
    }

    private List<string> ParseEnumIds()
    {
        Expect(SchemaTokenKind.LeftBracket, "`[`");
        var ids = new List<string>();
        while (true)
        {
            if (Current.Kind == SchemaTokenKind.RightBracket && ids.Count > 0)
            {
                break;
            }

            ids.Add(Expect(SchemaTokenKind.String, "a string literal").Text);
            if (Current.Kind != SchemaTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(SchemaTokenKind.RightBracket, "`,` or `]`");
        return ids;
    }

    private void ParseAction(NamespaceBuilder ns, List<SchemaAnnotation> annotations)
    {
        var start = Advance().Span;
        var names = new List<SchemaToken> { ParseName("an action name") };
        while (Current.Kind == SchemaTokenKind.Comma)
        {
            Advance();
            names.Add(ParseName("an action name"));
        }

        var parents = new List<SchemaActionRef>();
        if (Current.IsWord("in"))
        {
            Advance();
            parents = ParseActionRefs();
        }

        SchemaAppliesTo? appliesTo = null;
        if (Current.IsWord("appliesTo"))
        {
            appliesTo = ParseAppliesTo();
        }

        if (Current.Kind != SchemaTokenKind.Semicolon)
        {
            throw Unexpected(appliesTo is null ? "`in`, `appliesTo`, `,` or `;`" : "`;`");
        }

        Advance();
        foreach (var name in names)
        {
            ns.Actions.Add(new SchemaActionDecl(name.Text, parents, appliesTo, annotations, Cover(start, name.Span)));
        }
    }

    private SchemaToken ParseName(string expected)
    {
        if (Current.Kind is SchemaTokenKind.Identifier or SchemaTokenKind.String)
        {
            RejectReserved(Current);
            return Advance();
        }

        throw Unexpected(expected);
    }

    private List<SchemaActionRef> ParseActionRefs()
    {
        var refs = new List<SchemaActionRef>();
        if (Current.Kind != SchemaTokenKind.LeftBracket)
        {
            refs.Add(ParseActionRef());
            return refs;
        }

        Advance();
        while (Current.Kind != SchemaTokenKind.RightBracket)
        {
            refs.Add(ParseActionRef());
            if (Current.Kind != SchemaTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(SchemaTokenKind.RightBracket, "`,` or `]`");
        return refs;
    }

    private SchemaActionRef ParseActionRef()
    {
        if (Current.Kind == SchemaTokenKind.String)
        {
            var id = Advance();
            return new SchemaActionRef(null, id.Text, id.Span);
        }

        var first = Current;
        var (path, span) = ParsePath();
        if (Current.Kind == SchemaTokenKind.DoubleColon && Peek(1).Kind == SchemaTokenKind.String)
        {
            Advance();
            var id = Advance();
            return new SchemaActionRef(path, id.Text, Cover(span, id.Span));
        }

        if (path.Contains("::", StringComparison.Ordinal))
        {
            throw Unexpected("`::` followed by a string literal");
        }

        return new SchemaActionRef(null, first.Text, span);
    }

    private SchemaAppliesTo ParseAppliesTo()
    {
        var start = Advance().Span;
        Expect(SchemaTokenKind.LeftBrace, "`{`");
        List<SchemaName>? principals = null;
        List<SchemaName>? resources = null;
        SchemaTypeExpr? context = null;
        bool sawContext = false;
        while (Current.Kind != SchemaTokenKind.RightBrace)
        {
            var key = Current;
            if (key.IsWord("principal") || key.IsWord("resource"))
            {
                bool isPrincipal = key.IsWord("principal");
                if ((isPrincipal ? principals : resources) is not null)
                {
                    throw Error($"duplicate `{key.Text}` declaration", key.Span);
                }

                Advance();
                Expect(SchemaTokenKind.Colon, "`:`");
                var list = ParseTypeList();
                if (isPrincipal)
                {
                    principals = list;
                }
                else
                {
                    resources = list;
                }
            }
            else if (key.IsWord("context"))
            {
                if (sawContext)
                {
                    throw Error("duplicate `context` declaration", key.Span);
                }

                Advance();
                Expect(SchemaTokenKind.Colon, "`:`");
                sawContext = true;
                context = ParseType();
            }
            else
            {
                throw Unexpected("`principal`, `resource`, `context` or `}`");
            }

            if (Current.Kind != SchemaTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        var close = Expect(SchemaTokenKind.RightBrace, "`,` or `}`");
        var span = Cover(start, close.Span);
        if (principals is null)
        {
            throw Error("missing `principal` declaration in `appliesTo`", span);
        }

        if (resources is null)
        {
            throw Error("missing `resource` declaration in `appliesTo`", span);
        }

        if (principals.Count == 0 || resources.Count == 0)
        {
            string which = principals.Count == 0 ? "principal" : "resource";
            throw Error($"`{which}` is `[]` in `appliesTo`, which is invalid: list at least one entity type, or leave out `appliesTo`", span);
        }

        return new SchemaAppliesTo(principals, resources, context, span);
    }

    private void ParseCommonType(NamespaceBuilder ns, List<SchemaAnnotation> annotations)
    {
        var start = Advance().Span;
        var name = ExpectIdentifier("a type name");
        Expect(SchemaTokenKind.Equals, "`=`");
        var type = ParseType();
        Expect(SchemaTokenKind.Semicolon, "`;`");
        ns.CommonTypes.Add(new SchemaCommonTypeDecl(name.Text, type, annotations, Cover(start, name.Span)));
    }
}
