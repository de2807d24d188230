using Dome.Cedar.Conformance;
using Dome.Cedar.Json;
using Dome.Cedar.Schema;

namespace Dome.Cedar.Tests.Json;

/// <summary>
/// Runs a conformance test file with its policies taken through the JSON policy format (text →
/// policy set → JSON → policy set) and compares every request with the reference's expected
/// decision, reasons and errors.
/// </summary>
internal static class JsonPolicyConformance
{
    /// <summary>One line per request whose outcome differs from the reference; empty when all agree.</summary>
    public static List<string> Failures(string file, string root)
    {
        var test = IntegrationTest.Load(file);
        var text = PolicySet.Parse(File.ReadAllText(Path.Combine(root, test.PoliciesPath)));
        var policies = CedarJsonPolicies.ParsePolicySet(CedarJsonPolicies.ToJson(text));
        CedarSchema? schema = test.SchemaPath is not null
            ? CedarSchema.Parse(File.ReadAllText(Path.Combine(root, test.SchemaPath)), test.SchemaIsJson)
            : null;
        string entitiesJson = File.ReadAllText(Path.Combine(root, test.EntitiesPath));
        var entities = schema is null ? EntityStore.FromJson(entitiesJson) : SchemaEntities.ParseEntities(entitiesJson, schema);
        var failures = new List<string>();
        for (var i = 0; i < test.Requests.Count; i++)
        {
            var expected = test.Requests[i];
            var context = schema is null
                ? Request.ParseContext(expected.ContextJson)
                : SchemaEntities.ParseContext(expected.ContextJson, schema, expected.Action);
            var actual = Authorizer.IsAuthorized(new Request(expected.Principal, expected.Action, expected.Resource, context), policies, entities);
            if (actual.Decision != expected.Decision
                || !actual.Reasons.ToHashSet(StringComparer.Ordinal).SetEquals(expected.Reasons)
                || !actual.Errors.Select(e => e.PolicyId).ToHashSet(StringComparer.Ordinal).SetEquals(expected.Errors))
            {
                failures.Add($"{file} #{i}: expected {expected.Decision} [{string.Join(", ", expected.Reasons)}] errors [{string.Join(", ", expected.Errors)}], "
                    + $"got {actual.Decision} [{string.Join(", ", actual.Reasons)}] errors [{string.Join(", ", actual.Errors.Select(e => e.PolicyId))}]");
            }
        }

        return failures;
    }
}
