using System.CommandLine;
using Dome.Cedar;
using Dome.Cedar.Schema;
using Dome.Cedar.Validation;

namespace Dome.Cli.Cedar;

/// <summary>
/// `dome cedar validate --policies FILE --schema FILE [--schema-format cedar|json]`: strict validation.
/// Exit codes: 0 valid (warnings printed), 3 invalid (errors printed), 1 failure (unreadable or malformed input).
/// </summary>
internal static class ValidateCommand
{
    public const int Valid = 0;
    public const int Failure = 1;
    public const int Invalid = 3;

    public static Command Create()
    {
        var policies = new Option<FileInfo>("--policies") { Description = "Cedar policies file", Required = true };
        var schema = new Option<FileInfo>("--schema") { Description = "schema file (.cedarschema or .json)", Required = true };
        var format = new Option<string?>("--schema-format") { Description = "schema format: cedar or json (default: from the file extension)" };
        format.AcceptOnlyFromAmong("cedar", "json");
        var command = new Command("validate", "Validate policies against a schema (strict mode, Cedar 4.13 rules).")
        {
            policies,
            schema,
            format,
        };
        command.SetAction(result => Run(
            result.GetValue(policies)!,
            result.GetValue(schema)!,
            result.GetValue(format),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(FileInfo policiesFile, FileInfo schemaFile, string? format, TextWriter output, TextWriter error)
    {
        CedarSchema schema;
        PolicySet policies;
        try
        {
            schema = CedarSchema.Parse(File.ReadAllText(schemaFile.FullName), SchemaCommands.IsJson(format, schemaFile.Name));
            policies = PolicySet.Parse(File.ReadAllText(policiesFile.FullName));
        }
        catch (CedarSchemaException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                error.WriteLine($"error: {schemaFile.Name}:{diagnostic}");
            }

            return Failure;
        }
        catch (CedarParseException e)
        {
            error.WriteLine($"error: {policiesFile.Name}: {e.Message}");
            return Failure;
        }
        catch (IOException e)
        {
            error.WriteLine($"error: {e.Message}");
            return Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"error: {e.Message}");
            return Failure;
        }

        var result = CedarValidator.Validate(policies, schema);
        foreach (var warning in result.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        foreach (var problem in result.Errors)
        {
            output.WriteLine($"error: {problem}");
        }

        output.WriteLine(result.IsValid
            ? $"valid: {policies.Policies.Count + policies.Templates.Count} policies, {result.Warnings.Count} warnings"
            : $"invalid: {result.Errors.Count} errors, {result.Warnings.Count} warnings");
        return result.IsValid ? Valid : Invalid;
    }
}
