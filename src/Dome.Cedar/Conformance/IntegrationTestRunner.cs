using Dome.Cedar.Entities;

namespace Dome.Cedar.Conformance;

/// <summary>
/// Runs integration tests: parses the policies and entities (with the schema, when a schema reader is available),
/// authorizes each request, and compares decision, reasons and errors as sets of policy ids.
/// </summary>
internal static class IntegrationTestRunner
{
    /// <summary>Reads a schema file (Cedar schema text) into the shapes that guide entity/context JSON.</summary>
    public static Func<string, ISchemaShapes?>? SchemaReader { get; set; } = ReadSchema;

    private static ISchemaShapes ReadSchema(string text)
    {
        try
        {
            return Schema.SchemaEntities.ShapesFromText(text);
        }
        catch (Schema.CedarSchemaException e)
        {
            throw new CedarParseException($"invalid schema: {e.Message}");
        }
    }

    public static List<IntegrationOutcome> Run(string file, string root)
    {
        var outcomes = new List<IntegrationOutcome>();
        var test = IntegrationTest.Load(file);
        PolicySet policies;
        EntityStore entities;
        ISchemaShapes? schema = null;
        try
        {
            if (test.SchemaPath is not null && SchemaReader is not null)
            {
                schema = SchemaReader(File.ReadAllText(Path.Combine(root, test.SchemaPath)));
            }

            policies = PolicySet.Parse(File.ReadAllText(Path.Combine(root, test.PoliciesPath)));
            entities = EntityStore.FromJson(File.ReadAllText(Path.Combine(root, test.EntitiesPath)), schema);
        }
        catch (Exception e) when (e is CedarParseException or IOException)
        {
            for (int i = 0; i < test.Requests.Count; i++)
            {
                outcomes.Add(new IntegrationOutcome(file, i, test.Requests[i], null, e.Message));
            }

            return outcomes;
        }

        for (int i = 0; i < test.Requests.Count; i++)
        {
            var expected = test.Requests[i];
            try
            {
                var context = Request.ParseContext(expected.ContextJson, schema?.Context(expected.Action));
                var request = new Request(expected.Principal, expected.Action, expected.Resource, context);
                var actual = Authorizer.IsAuthorized(request, policies, entities);
                outcomes.Add(new IntegrationOutcome(file, i, expected, actual, Compare(expected, actual)));
            }
            catch (CedarParseException e)
            {
                outcomes.Add(new IntegrationOutcome(file, i, expected, null, e.Message));
            }
        }

        return outcomes;
    }

    private static string? Compare(IntegrationRequest expected, AuthorizationResponse actual)
    {
        var problems = new List<string>();
        if (expected.Decision != actual.Decision)
        {
            problems.Add($"decision: expected {expected.Decision}, got {actual.Decision}");
        }

        if (!SameSet(expected.Reasons, actual.Reasons))
        {
            problems.Add($"reasons: expected [{string.Join(", ", expected.Reasons)}], got [{string.Join(", ", actual.Reasons)}]");
        }

        var errorIds = actual.Errors.Select(e => e.PolicyId).ToArray();
        if (!SameSet(expected.Errors, errorIds))
        {
            problems.Add($"errors: expected [{string.Join(", ", expected.Errors)}], got [{string.Join("; ", actual.Errors.Select(e => e.PolicyId + ": " + e.Message))}]");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        new HashSet<string>(a, StringComparer.Ordinal).SetEquals(b);
}
