using Dome.Cedar.Schema;
using Dome.Cedar.Schema.Types;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>
/// Strict validation of policies (and templates) against a schema, as Cedar 4.13 does it: every entity type,
/// action and enumerated id the policy names must be declared; the policy must typecheck in every request
/// environment the schema allows (see <see cref="Typechecker"/>). Policies that can never apply give warnings,
/// not errors: "unable to find an applicable action given the policy scope constraints" and "impossible policy".
/// </summary>
public static class CedarValidator
{
    /// <summary>Validates every policy and template of <paramref name="policies"/>.</summary>
    public static ValidationResult Validate(PolicySet policies, CedarSchema schema)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(schema);
        var view = new SchemaView(schema);
        var errors = new List<ValidationDiagnostic>();
        var warnings = new List<ValidationDiagnostic>();
        foreach (var policy in policies.Policies.Where(p => p.TemplateId is null).Concat(policies.Templates))
        {
            ValidatePolicy(view, policy, errors, warnings);
        }

        return new ValidationResult(errors.Distinct().ToList(), warnings.Distinct().ToList());
    }

    private static void ValidatePolicy(SchemaView schema, Policy policy, List<ValidationDiagnostic> errors, List<ValidationDiagnostic> warnings)
    {
        CheckNames(schema, policy, errors);
        StringChecks.Check(policy, warnings);
        if (!ScopeApplies(schema, policy))
        {
            warnings.Add(new ValidationDiagnostic(policy.Id, "invalid-action-application",
                "unable to find an applicable action given the policy scope constraints", policy.Span));
        }

        var condition = PolicyCondition.Build(policy);
        bool allFalse = true;
        foreach (var env in Environments(schema, policy))
        {
            var typed = new Typechecker(schema, env, policy.Id, errors).Check(condition, CapabilitySet.Empty);
            if (typed.Type is not BoolType { Value: false })
            {
                allFalse = false;
            }
        }

        if (allFalse)
        {
            warnings.Add(new ValidationDiagnostic(policy.Id, "impossible-policy",
                "policy is impossible: the policy expression evaluates to false for all valid requests", policy.Span));
        }
    }

    /// <summary>Every entity type, action and enumerated entity the policy names must be declared.</summary>
    private static void CheckNames(SchemaView schema, Policy policy, List<ValidationDiagnostic> errors)
    {
        var (uids, types) = PolicyLiterals.Collect(policy);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, span) in types.Concat(uids.Select(u => (u.Uid.Type, u.Span))))
        {
            // An action type (`Action`, `NS::Action`) is never reported as an unknown entity type: an undeclared
            // action is reported as such below, and `principal is Action` is no error even with no actions declared.
            if (!SchemaView.IsActionType(type) && !schema.IsKnownEntityType(type) && reported.Add(type))
            {
                errors.Add(new ValidationDiagnostic(policy.Id, "unrecognized-entity-type", $"unrecognized entity type `{type}`", span));
            }
        }

        foreach (var (uid, span) in uids)
        {
            if (SchemaView.IsActionType(uid.Type))
            {
                if (!schema.IsKnownAction(uid))
                {
                    errors.Add(new ValidationDiagnostic(policy.Id, "unrecognized-action", $"unrecognized action `{uid}`", span));
                }
            }
            else if (schema.Schema.EntityTypes.TryGetValue(uid.Type, out var def) && def.EnumIds is { } ids && !ids.Contains(uid.Id))
            {
                errors.Add(new ValidationDiagnostic(policy.Id, "invalid-enum-entity",
                    $"invalid enum entity `{uid}`: `{uid.Id}` is not one of the declared ids of `{uid.Type}`", span));
            }
        }
    }

    /// <summary>Whether some action the scope allows applies to some principal and resource type the scope allows.</summary>
    private static bool ScopeApplies(SchemaView schema, Policy policy)
    {
        var principals = ScopeTypes(schema, policy.Principal);
        var resources = ScopeTypes(schema, policy.Resource);
        return ScopeActions(schema, policy.Action).Any(a =>
            a.PrincipalTypes.Any(principals.Contains) && a.ResourceTypes.Any(resources.Contains));
    }

    private static IEnumerable<ActionDefinition> ScopeActions(SchemaView schema, ScopeConstraint scope)
    {
        var actions = schema.Schema.Actions;
        return scope.Kind switch
        {
            ScopeKind.Any => actions.Values,
            ScopeKind.Equal => actions.TryGetValue(SchemaView.Key(scope.Entity!), out var a) ? [a] : [],
            ScopeKind.In => actions.Values.Where(a => schema.ActionIn(new EntityUid(a.Uid.Type, a.Uid.Id), [scope.Entity!]) == true),
            _ => scope.Entities!.All(schema.IsKnownAction)
                ? actions.Values.Where(a => schema.ActionIn(new EntityUid(a.Uid.Type, a.Uid.Id), scope.Entities!) == true)
                : [],
        };
    }

    private static HashSet<string> ScopeTypes(SchemaView schema, ScopeConstraint scope)
    {
        var all = schema.Schema.EntityTypes.Keys;
        IEnumerable<string> types = scope.Kind switch
        {
            ScopeKind.Any => all,
            _ when scope.Slot is not null && scope.Kind is ScopeKind.Equal or ScopeKind.In => all,
            ScopeKind.Equal => [scope.Entity!.Type],
            ScopeKind.In => all.Where(t => schema.MayBeIn(t, scope.Entity!.Type)),
            ScopeKind.Is => schema.IsKnownEntityType(scope.EntityType!) ? [scope.EntityType!] : [],
            _ when scope.Slot is not null => schema.IsKnownEntityType(scope.EntityType!) ? [scope.EntityType!] : [],
            _ => all.Where(t => t == scope.EntityType && schema.MayBeIn(t, scope.Entity!.Type)),
        };
        return types.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The request environments to typecheck in: every applicable (principal, action, resource), with slot links for templates.</summary>
    private static IEnumerable<RequestEnvironment> Environments(SchemaView schema, Policy policy)
    {
        foreach (var action in schema.Schema.Actions.Values)
        {
            foreach (var principal in action.PrincipalTypes)
            {
                foreach (var resource in action.ResourceTypes)
                {
                    foreach (var principalSlot in SlotLinks(schema, policy.Principal, principal))
                    {
                        foreach (var resourceSlot in SlotLinks(schema, policy.Resource, resource))
                        {
                            yield return new RequestEnvironment(principal, action.Uid, resource, action.Context, principalSlot, resourceSlot);
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<string?> SlotLinks(SchemaView schema, ScopeConstraint scope, string variableType)
    {
        if (scope.Slot is null)
        {
            return [null];
        }

        var all = schema.Schema.EntityTypes.Values;
        return scope.Kind switch
        {
            ScopeKind.Equal => [variableType],
            ScopeKind.In or ScopeKind.IsIn => all.Where(t => t.Descendants.Contains(variableType)).Select(t => t.Name).Append(variableType),
            _ => all.Select(t => t.Name),
        };
    }
}
