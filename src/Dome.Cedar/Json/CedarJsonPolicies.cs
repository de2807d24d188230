using System.Diagnostics.CodeAnalysis;

namespace Dome.Cedar.Json;

/// <summary>
/// The facade over Cedar's JSON policy format: <see cref="Policy"/> and <see cref="PolicySet"/>
/// to and from JSON text. Malformed JSON gives a <see cref="CedarJsonException"/> (or a
/// <c>false</c> result from the <c>Try</c> forms) whose message says what and where.
/// </summary>
internal static class CedarJsonPolicies
{
    /// <summary>One policy or template as JSON.</summary>
    public static string ToJson(Policy policy, bool indented = false) =>
        EstJsonWriter.WritePolicy(AstToEst.Convert(policy), indented);

    /// <summary>Parses one policy or template from JSON, giving it id <paramref name="id"/>.</summary>
    /// <exception cref="CedarJsonException">The JSON is not a valid policy.</exception>
    public static Policy ParsePolicy(string json, string id)
    {
        using var document = EstJsonReader.Parse(json);
        return EstToAst.Convert(EstJsonReader.ReadPolicy(document.RootElement, string.Empty), id);
    }

    /// <summary>Parses one policy or template from JSON; false with a message when it is malformed.</summary>
    public static bool TryParsePolicy(string json, string id, [NotNullWhen(true)] out Policy? policy, [NotNullWhen(false)] out string? error)
    {
        try
        {
            policy = ParsePolicy(json, id);
            error = null;
            return true;
        }
        catch (CedarJsonException exception)
        {
            policy = null;
            error = exception.Message;
            return false;
        }
    }

    /// <summary>
    /// A policy set as <c>{"staticPolicies", "templates", "templateLinks"}</c>: static policies and
    /// templates by id, and each template-linked policy as a link with its slot values.
    /// </summary>
    public static string ToJson(PolicySet set, bool indented = false)
    {
        var statics = new List<KeyValuePair<string, EstPolicy>>();
        var links = new List<EstTemplateLink>();
        foreach (var policy in set.Policies)
        {
            if (policy.TemplateId is null)
            {
                statics.Add(new(policy.Id, AstToEst.Convert(policy)));
                continue;
            }

            var template = set.Find(policy.TemplateId)
                ?? throw new CedarJsonException($"linked policy `{policy.Id}` names missing template `{policy.TemplateId}`");
            var values = new List<KeyValuePair<string, EstEntityRef>>();
            if (template.Principal.Slot is { } principalSlot && policy.Principal.Entity is { } principal)
            {
                values.Add(new(principalSlot, new EstEntityRef(principal.Type, principal.Id)));
            }

            if (template.Resource.Slot is { } resourceSlot && policy.Resource.Entity is { } resource)
            {
                values.Add(new(resourceSlot, new EstEntityRef(resource.Type, resource.Id)));
            }

            links.Add(new EstTemplateLink { TemplateId = policy.TemplateId, NewId = policy.Id, Values = values });
        }

        var templates = set.Templates.Select(t => new KeyValuePair<string, EstPolicy>(t.Id, AstToEst.Convert(t))).ToList();
        return EstPolicySetJson.Write(new EstPolicySet { StaticPolicies = statics, Templates = templates, TemplateLinks = links }, indented);
    }

    /// <summary>Parses a policy set from its JSON form.</summary>
    /// <exception cref="CedarJsonException">The JSON is not a valid policy set.</exception>
    public static PolicySet ParsePolicySet(string json)
    {
        using var document = EstJsonReader.Parse(json);
        var est = EstPolicySetJson.Read(document.RootElement);
        var all = new List<Policy>();
        var templates = new Dictionary<string, Policy>(StringComparer.Ordinal);
        foreach (var (id, policy) in est.StaticPolicies)
        {
            all.Add(EstToAst.Convert(policy, id));
        }

        foreach (var (id, template) in est.Templates)
        {
            var converted = EstToAst.Convert(template, id);
            templates.Add(id, converted);
            all.Add(converted);
        }

        foreach (var link in est.TemplateLinks)
        {
            EntityUid? principal = null, resource = null;
            foreach (var (slot, entity) in link.Values)
            {
                var uid = new EntityUid(entity.Type, entity.Id);
                if (slot == "?principal")
                {
                    principal = uid;
                }
                else
                {
                    resource = uid;
                }
            }

            all.Add(templates[link.TemplateId].Link(link.NewId, principal, resource));
        }

        return PolicySet.FromPolicies(all);
    }

    /// <summary>Parses a policy set from JSON; false with a message when it is malformed.</summary>
    public static bool TryParsePolicySet(string json, [NotNullWhen(true)] out PolicySet? set, [NotNullWhen(false)] out string? error)
    {
        try
        {
            set = ParsePolicySet(json);
            error = null;
            return true;
        }
        catch (CedarJsonException exception)
        {
            set = null;
            error = exception.Message;
            return false;
        }
    }
}
