using Dome.Cedar.Schema;
using Dome.Cedar.Validation;

namespace Dome.Cedar.Tests.Differential;

/// <summary>
/// Dome's strict validation of a policy set against one schema, reduced to what is compared with the
/// reference: whether the schema and policies were accepted, and the error kinds of each erroring policy.
/// </summary>
internal sealed record DomeValidation(
    string? Failure,
    IReadOnlyDictionary<string, IReadOnlySet<string>> ErrorKinds,
    IReadOnlyList<ValidationDiagnostic> Errors,
    IReadOnlyList<ValidationDiagnostic> Warnings)
{
    /// <summary>Starts the failure of a run that threw something other than a schema or parse error.</summary>
    public const string CrashPrefix = "crash: ";

    public bool IsValid => Failure is null && ErrorKinds.Count == 0;

    public bool Crashed => Failure?.StartsWith(CrashPrefix, StringComparison.Ordinal) == true;

    /// <summary>Parses the schema (JSON or cedar text) and the policies, and validates.</summary>
    public static DomeValidation Run(string schemaSource, bool json, string policies)
    {
        CedarSchema schema;
        try
        {
            schema = CedarSchema.Parse(schemaSource, json);
        }
        catch (CedarSchemaException exception)
        {
            return new DomeValidation("schema: " + exception.Message, new Dictionary<string, IReadOnlySet<string>>(), [], []);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new DomeValidation(CrashPrefix + exception, new Dictionary<string, IReadOnlySet<string>>(), [], []);
        }

        PolicySet set;
        try
        {
            set = PolicySet.Parse(policies);
        }
        catch (CedarParseException exception)
        {
            return new DomeValidation("policies: " + exception.Message, new Dictionary<string, IReadOnlySet<string>>(), [], []);
        }

        ValidationResult result;
        try
        {
            result = CedarValidator.Validate(set, schema);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new DomeValidation(CrashPrefix + exception, new Dictionary<string, IReadOnlySet<string>>(), [], []);
        }

        var kinds = result.Errors.GroupBy(e => e.PolicyId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(e => e.Code).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return new DomeValidation(null, kinds, result.Errors, result.Warnings);
    }

    public override string ToString() =>
        Failure is not null ? "failure (" + Failure + ")"
        : (Errors.Count == 0 ? "valid" : "invalid: " + string.Join(" | ", Errors))
            + (Warnings.Count == 0 ? "" : "; warnings: " + string.Join(" | ", Warnings));
}
