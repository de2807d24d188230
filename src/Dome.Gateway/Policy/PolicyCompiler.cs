using System.Text;
using Dome.Cedar;
using Dome.Cedar.Schema;
using Dome.Cedar.Validation;

namespace Dome.Gateway.Policy;

/// <summary>
/// Turns a bundle into a <see cref="CompiledPolicySet"/>: parses every file (errors name the file and line),
/// validates the whole set against the schema with Dome's Cedar validator, reads the annotations Dome gives
/// meaning to (<c>@id</c>, <c>@escalate</c>, <c>@redact</c>) and indexes the set once.
/// </summary>
internal static class PolicyCompiler
{
    public const string EscalateAnnotation = "escalate";
    public const string RedactAnnotation = "redact";
    public const string IdAnnotation = "id";

    /// <exception cref="PolicyBundleException">The bundle does not parse or validate.</exception>
    public static CompiledPolicySet Compile(PolicyBundle bundle)
    {
        var errors = new List<PolicyBundleError>();
        CedarSchema? schema = null;
        try
        {
            schema = CedarSchema.ParseText(bundle.Schema);
        }
        catch (CedarSchemaException e)
        {
            errors.Add(new PolicyBundleError { File = "dome.cedarschema", Code = "schema", Message = e.Message });
        }

        // :: Parse file by file: the combined set numbers policies in text order, so policyN maps back to its file.
        var files = new List<(string Name, int FirstLine, int Count)>();
        var text = new StringBuilder();
        int line = 1;
        foreach (var (name, source) in bundle.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            try
            {
                var set = PolicySet.Parse(source);
                if (set.Templates.Count > 0)
                {
                    errors.Add(new PolicyBundleError { File = name, Code = "template", Message = "templates (`?principal`, `?resource`) cannot be published yet: write static policies" });
                }

                files.Add((name, line, set.Policies.Count + set.Templates.Count));
            }
            catch (CedarParseException e)
            {
                errors.Add(new PolicyBundleError { File = name, Line = e.Span?.Line, Column = e.Span?.Column, Code = "parse", Message = e.Message });
            }

            text.Append(source).Append('\n');
            line += source.Count(c => c == '\n') + 1;
        }

        if (errors.Count > 0 || schema is null)
        {
            throw new PolicyBundleException(errors);
        }

        var combined = PolicySet.Parse(text.ToString());
        var info = ReadAnnotations(combined, files, errors);
        foreach (var diagnostic in CedarValidator.Validate(combined, schema).Errors)
        {
            var (file, first) = FileOf(files, diagnostic.PolicyId);
            errors.Add(new PolicyBundleError
            {
                File = file,
                Line = diagnostic.Span is { } span ? span.Line - first + 1 : null,
                Column = diagnostic.Span?.Column,
                PolicyId = info.TryGetValue(diagnostic.PolicyId, out var i) ? i.Id : diagnostic.PolicyId,
                Code = diagnostic.Code,
                Message = diagnostic.Message,
            });
        }

        if (errors.Count > 0)
        {
            throw new PolicyBundleException(errors);
        }

        var relaxed = PolicySet.FromPolicies(combined.Policies.Where(p => info[p.Id].EscalateReason is null));
        return new CompiledPolicySet(bundle.Hash(), bundle, schema, combined, relaxed, info);
    }

    private static Dictionary<string, PolicyInfo> ReadAnnotations(PolicySet combined, List<(string Name, int FirstLine, int Count)> files, List<PolicyBundleError> errors)
    {
        var info = new Dictionary<string, PolicyInfo>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (var (name, _, count) in files)
        {
            for (int n = 0; n < count; n++, index++)
            {
                var policy = combined.Find("policy" + index.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
                var id = policy.Annotations.TryGetValue(IdAnnotation, out var given) && given.Length > 0 ? given : $"{name}#{n}";
                if (!seen.Add(id))
                {
                    errors.Add(new PolicyBundleError { File = name, PolicyId = id, Code = "duplicate-id", Message = $"two policies have the id `{id}`: give each a distinct `@id`" });
                }

                string? escalate = null;
                if (policy.Annotations.TryGetValue(EscalateAnnotation, out var reason))
                {
                    if (policy.Effect != Effect.Forbid)
                    {
                        errors.Add(new PolicyBundleError { File = name, PolicyId = id, Code = "annotation", Message = "`@escalate` belongs on a forbid policy" });
                    }

                    escalate = reason.Length > 0 ? reason : "approval required";
                }

                IReadOnlyList<string> redactions = [];
                if (policy.Annotations.TryGetValue(RedactAnnotation, out var paths))
                {
                    redactions = paths.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (policy.Effect != Effect.Permit || redactions.Count == 0 || redactions.Any(p => !p.StartsWith('$')))
                    {
                        errors.Add(new PolicyBundleError { File = name, PolicyId = id, Code = "annotation", Message = "`@redact` belongs on a permit policy and lists JSON paths starting with `$`, separated by spaces" });
                    }
                }

                info[policy.Id] = new PolicyInfo { Id = id, File = name, EscalateReason = escalate, Redactions = redactions };
            }
        }

        return info;
    }

    private static (string File, int FirstLine) FileOf(List<(string Name, int FirstLine, int Count)> files, string cedarId)
    {
        if (cedarId.StartsWith("policy", StringComparison.Ordinal) && int.TryParse(cedarId.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            foreach (var (name, first, count) in files)
            {
                if (index < count)
                {
                    return (name, first);
                }

                index -= count;
            }
        }

        return ("?", 1);
    }
}
