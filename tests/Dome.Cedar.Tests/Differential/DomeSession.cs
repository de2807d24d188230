using Dome.Cedar.Json;
using Dome.Cedar.Tests.Differential.Generation;

namespace Dome.Cedar.Tests.Differential;

/// <summary>
/// Dome's engine on one case, through its public facade: the policy set parsed (and linked) once,
/// the entity store read once, then one <see cref="Authorizer.IsAuthorized"/> per request.
/// </summary>
internal sealed class DomeSession
{
    private readonly PolicySet? policies;
    private readonly EntityStore? entities;
    private readonly string? entityError;

    private DomeSession(PolicySet? policies, string? policyError, EntityStore? entities, string? entityError)
    {
        this.policies = policies;
        PolicyError = policyError;
        this.entities = entities;
        this.entityError = entityError;
    }

    /// <summary>Why the policy set was rejected, or null when Dome accepted it.</summary>
    public string? PolicyError { get; }

    /// <summary>
    /// Prepares Dome for a case. When <paramref name="isJson"/>, <paramref name="policySetJson"/> is the
    /// policy-set JSON document (EST policies, templates and links) the oracle was given, and Dome
    /// reads exactly that; otherwise Dome parses the case's text and links its templates.
    /// </summary>
    public static DomeSession Open(DifferentialCase testCase, string policySetJson, bool isJson)
    {
        PolicySet? set = null;
        string? policyError = null;
        try
        {
            if (isJson)
            {
                set = CedarJsonPolicies.ParsePolicySet(policySetJson);
            }
            else
            {
                set = PolicySet.Parse(testCase.FullText);
                foreach (var link in testCase.Links)
                {
                    set = set.Link(link.TemplateId, link.NewId, Uid(link.Principal), Uid(link.Resource));
                }
            }
        }
        catch (Exception exception) when (exception is CedarParseException or CedarJsonException)
        {
            policyError = exception.Message;
        }

        EntityStore? store = null;
        string? entityError = null;
        try
        {
            store = EntityStore.FromJson(testCase.EntitiesJson);
        }
        catch (CedarParseException exception)
        {
            entityError = exception.Message;
        }

        return new DomeSession(set, policyError, store, entityError);
    }

    public EngineOutcome Authorize(GeneratedRequest request)
    {
        if (policies is null)
        {
            throw new InvalidOperationException("the policy set was rejected: " + PolicyError);
        }

        if (entities is null)
        {
            return EngineOutcome.Failed(entityError!);
        }

        Request domeRequest;
        try
        {
            domeRequest = new Request(Uid(request.Principal)!, Uid(request.Action)!, Uid(request.Resource)!, Request.ParseContext(request.ContextJson));
        }
        catch (CedarParseException exception)
        {
            return EngineOutcome.Failed(exception.Message);
        }

        var response = Authorizer.IsAuthorized(domeRequest, policies, entities);
        return new EngineOutcome(
            response.Decision == Decision.Allow ? "allow" : "deny",
            [.. response.Reasons.Order(StringComparer.Ordinal)],
            [.. response.Errors.Select(e => e.PolicyId).Distinct().Order(StringComparer.Ordinal)],
            null);
    }

    private static EntityUid? Uid(EntityRef? entity) => entity is null ? null : new EntityUid(entity.Type, entity.Id);
}
