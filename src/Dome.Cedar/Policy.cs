using Dome.Cedar.Syntax;

namespace Dome.Cedar;

/// <summary>One Cedar policy or template: effect, scope, conditions and annotations. <see cref="ToString"/> prints it as Cedar text.</summary>
public sealed class Policy
{
    internal Policy(
        string id,
        Effect effect,
        IReadOnlyDictionary<string, string> annotations,
        ScopeConstraint principal,
        ScopeConstraint action,
        ScopeConstraint resource,
        Condition[] conditions,
        SourceSpan span,
        string? templateId = null)
    {
        Id = id;
        Effect = effect;
        Annotations = annotations;
        Principal = principal;
        Action = action;
        Resource = resource;
        Conditions = conditions;
        Span = span;
        TemplateId = templateId;
    }

    /// <summary>The policy id: `policy0`, `policy1`, ... in file order, or the id given when linking a template.</summary>
    public string Id { get; }

    /// <summary>Permit or forbid.</summary>
    public Effect Effect { get; }

    /// <summary>The annotations (`@id("x")` gives key `id`, value `x`; `@flag` gives an empty value).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; }

    /// <summary>Whether the scope has a `?principal` or `?resource` slot (a template cannot be evaluated until linked).</summary>
    public bool IsTemplate => Principal.Slot is not null || Resource.Slot is not null;

    /// <summary>For a linked policy, the id of its template; otherwise null.</summary>
    public string? TemplateId { get; }

    internal ScopeConstraint Principal { get; }

    internal ScopeConstraint Action { get; }

    internal ScopeConstraint Resource { get; }

    internal Condition[] Conditions { get; }

    internal SourceSpan Span { get; }

    /// <summary>The policy as Cedar text.</summary>
    public override string ToString() => PolicyPrinter.Print(this);

    /// <summary>Fills this template's slots, giving a static policy with id <paramref name="newId"/>.</summary>
    internal Policy Link(string newId, EntityUid? principal, EntityUid? resource)
    {
        return new Policy(newId, Effect, Annotations, Fill(Principal, principal, "?principal"), Action, Fill(Resource, resource, "?resource"), Conditions, Span, Id);
    }

    private static ScopeConstraint Fill(ScopeConstraint scope, EntityUid? value, string slot)
    {
        if (scope.Slot is null)
        {
            if (value is not null)
            {
                throw new CedarParseException($"the template has no `{slot}` slot, but a value for it was given");
            }

            return scope;
        }

        if (value is null)
        {
            throw new CedarParseException($"the template's `{slot}` slot needs a value");
        }

        return scope with { Entity = value, Slot = null };
    }
}
