using Dome.Cedar.Schema;
using Dome.Cedar.Validation;

namespace Dome.Cedar.Conformance;

/// <summary>
/// Runs integration tests the way the reference harness does: the schema (either format) is parsed, the policies are
/// validated against it in strict mode and compared with `shouldValidate`, entities and context are read with the
/// schema (and must conform to it), each request is checked against the schema when `validateRequest` is true, then
/// authorized; decision, reasons and errors are compared as sets of policy ids.
/// </summary>
internal static class IntegrationTestRunner
{
    /// <summary>The request outcomes of one file, without strict validation of its policies.</summary>
    public static List<IntegrationOutcome> Run(string file, string root) => [.. RunFile(file, root, validate: false).Requests];

    /// <summary>
    /// Runs one file. With <paramref name="validate"/>, strict validation runs when the file names a schema and must
    /// agree with `shouldValidate`; a test id (file name without `.json`) in <paramref name="validationFlips"/> is
    /// expected to validate whatever its `shouldValidate` says (the corpus's documented Cedar 4.13 flips).
    /// </summary>
    public static IntegrationFileOutcome RunFile(string file, string root, bool validate, IReadOnlySet<string>? validationFlips = null)
    {
        var test = IntegrationTest.Load(file);
        bool shouldValidate = test.ShouldValidate
            || (validationFlips?.Contains(Path.GetFileNameWithoutExtension(file)) ?? false);
        CedarSchema? schema = null;
        PolicySet policies;
        try
        {
            if (test.SchemaPath is not null)
            {
                schema = ReadSchema(Path.Combine(root, test.SchemaPath), test.SchemaIsJson);
            }

            policies = PolicySet.Parse(File.ReadAllText(Path.Combine(root, test.PoliciesPath)));
        }
        catch (Exception e) when (e is CedarParseException or IOException or UnauthorizedAccessException)
        {
            return Unrunnable(file, test, shouldValidate, e.Message);
        }

        ValidationResult? validation = validate && schema is not null ? CedarValidator.Validate(policies, schema) : null;
        EntityStore entities;
        try
        {
            string json = File.ReadAllText(Path.Combine(root, test.EntitiesPath));
            entities = schema is null ? EntityStore.FromJson(json) : SchemaEntities.ParseEntities(json, schema);
        }
        catch (Exception e) when (e is CedarParseException or IOException or UnauthorizedAccessException)
        {
            return Unrunnable(file, test, shouldValidate, e.Message) with { Validates = validation?.IsValid, Validation = validation };
        }

        var outcomes = new List<IntegrationOutcome>(test.Requests.Count);
        for (int i = 0; i < test.Requests.Count; i++)
        {
            outcomes.Add(RunRequest(file, i, test.Requests[i], policies, entities, schema));
        }

        return new IntegrationFileOutcome
        {
            File = file,
            ShouldValidate = shouldValidate,
            Validates = validation?.IsValid,
            Validation = validation,
            Failure = validation is null ? null : ValidationMismatch(validation, shouldValidate),
            Requests = outcomes,
        };
    }

    private static CedarSchema ReadSchema(string path, bool json)
    {
        try
        {
            return CedarSchema.Parse(File.ReadAllText(path), json);
        }
        catch (CedarSchemaException e)
        {
            throw new CedarParseException($"invalid schema `{Path.GetFileName(path)}`: {string.Join("; ", e.Diagnostics)}");
        }
    }

    private static IntegrationOutcome RunRequest(string file, int index, IntegrationRequest expected, PolicySet policies, EntityStore entities, CedarSchema? schema)
    {
        try
        {
            var context = schema is null || !expected.ValidateRequest
                ? Request.ParseContext(expected.ContextJson, schema is null ? null : new SchemaValueShapes(schema).Context(expected.Action))
                : SchemaEntities.ParseContext(expected.ContextJson, schema, expected.Action);
            var request = new Request(expected.Principal, expected.Action, expected.Resource, context);
            if (schema is not null && expected.ValidateRequest && SchemaEntities.ValidateRequest(request, schema) is [var problem, ..])
            {
                return new IntegrationOutcome(file, index, expected, null, $"request does not conform to the schema: {problem}");
            }

            var actual = Authorizer.IsAuthorized(request, policies, entities);
            return new IntegrationOutcome(file, index, expected, actual, Compare(expected, actual));
        }
        catch (CedarParseException e)
        {
            return new IntegrationOutcome(file, index, expected, null, e.Message);
        }
    }

    private static IntegrationFileOutcome Unrunnable(string file, IntegrationTest test, bool shouldValidate, string message) => new()
    {
        File = file,
        ShouldValidate = shouldValidate,
        Failure = message,
        Requests = [.. test.Requests.Select((r, i) => new IntegrationOutcome(file, i, r, null, message))],
    };

    private static string? ValidationMismatch(ValidationResult validation, bool shouldValidate)
    {
        if (validation.IsValid == shouldValidate)
        {
            return null;
        }

        if (!shouldValidate)
        {
            bool impossibleAction = validation.Warnings.Any(w => w.Code == "invalid-action-application");
            return "the policies validate but `shouldValidate` is false"
                + (impossibleAction
                    ? " (from Cedar 4.13 `unable to find an applicable action` is a warning; tests generated earlier expect an error)"
                    : string.Empty);
        }

        return $"the policies do not validate but `shouldValidate` is true: {string.Join("; ", validation.Errors)}";
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
