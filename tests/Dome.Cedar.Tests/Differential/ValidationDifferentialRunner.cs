using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dome.Cedar.Schema;
using Dome.Cedar.Tests.Differential.Generation.Schemas;
using Dome.Cedar.Tests.Differential.Oracle;

namespace Dome.Cedar.Tests.Differential;

/// <summary>
/// Validates generated cases with Dome and with cedar-wasm (one node process per batch) and lists the
/// disagreements. Each case's JSON-format schema is checked in four forms: as generated; printed as
/// cedar text by Dome; that text converted back to JSON by Dome; and printed as cedar text by cedar-wasm
/// (read by Dome only, compared with the reference's outcome on the original). In every form Dome and
/// the reference must agree on whether schema and policies are accepted, on valid versus invalid, and
/// on which policies have errors; where every reference message of a policy maps to a Dome code (see
/// <see cref="ReferenceErrorKind"/>), on the set of error kinds; and on which policies get the
/// "no applicable action" and "impossible policy" warnings. Error counts are not compared (Dome reports
/// each distinct diagnostic once, the reference once per request environment).
/// </summary>
internal sealed class ValidationDifferentialRunner(OracleClient oracle)
{
    private static readonly string[] Forms = ["generated JSON", "dome's cedar text", "dome's JSON from that text", "cedar-wasm's cedar text"];

    private readonly Dictionary<int, string> crashes = [];
    private readonly Dictionary<int, string> refusals = [];

    /// <summary>Counts from the last <see cref="Run"/>.</summary>
    public ValidationStatistics Statistics { get; } = new();

    public List<Mismatch> Run(int firstSeed, int caseCount)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cases = Enumerable.Range(firstSeed, caseCount).Select(SchemaCase.Generate).ToList();
        var forms = cases.Select(DomeForms).ToList();
        var document = BatchDocument(cases, forms);

        // The oracle process works while Dome validates in process; its answers are awaited below.
        var oracleClock = System.Diagnostics.Stopwatch.StartNew();
        var pending = Task.Run(() =>
        {
            var answers = oracle.Validate(document);
            oracleClock.Stop();
            return answers;
        });
        var domeResults = cases.Select((testCase, c) => forms[c].Select(f => DomeValidation.Run(f.Source, f.Json, testCase.FullText)).ToList()).ToList();
        var reference = pending.GetAwaiter().GetResult();
        Statistics.OracleTime += oracleClock.Elapsed;
        var mismatches = new List<Mismatch>();
        for (var c = 0; c < cases.Count; c++)
        {
            var testCase = cases[c];
            var answer = reference[c];
            var dome = domeResults[c];
            if (answer.Text is { } wasmText)
            {
                dome.Add(DomeValidation.Run(wasmText, json: false, testCase.FullText));
            }

            Statistics.Count(testCase, answer.Results[0], dome[0]);
            var refused = refusals.Remove(testCase.Seed, out var refusal);
            if (answer.Results[0].Failure is null && dome[0].Failure is null && refused != (answer.Text is null))
            {
                mismatches.Add(new Mismatch(testCase.Name, "conversion to cedar text differs", testCase.Describe(), "(JSON to text)",
                    answer.Text is null ? "schemaToText refuses" : "printed", refused ? "refused: " + refusal : "printed"));
            }

            if (crashes.Remove(testCase.Seed, out var crash))
            {
                mismatches.Add(new Mismatch(testCase.Name, "dome crashed converting the schema", testCase.Describe(), "(convert)", "-", crash));
            }

            for (var f = 0; f < dome.Count; f++)
            {
                var want = f < answer.Results.Count ? answer.Results[f] : answer.Results[0];
                if (Disagreement(want, dome[f]) is { } category)
                {
                    var description = testCase.Describe() + Forms[f] + ":\n" + (f < forms[c].Count ? forms[c][f].Source : answer.Text) + "\n";
                    mismatches.Add(new Mismatch(testCase.Name, category + " (" + Forms[f] + ")", description, "(validate)", Describe(want), dome[f].ToString()));
                }
            }
        }

        Statistics.Elapsed += clock.Elapsed;
        return mismatches;
    }

    /// <summary>The schema forms Dome produces from the generated JSON (fewer when Dome cannot read or print it).</summary>
    private List<(string Source, bool Json)> DomeForms(SchemaCase testCase)
    {
        var forms = new List<(string, bool)> { (testCase.SchemaJson, true) };
        try
        {
            var text = CedarSchema.JsonToText(testCase.SchemaJson);
            forms.Add((text, false));
            forms.Add((CedarSchema.TextToJson(text), true));
        }
        catch (CedarSchemaException exception)
        {
            // Either the schema is invalid (the reference must reject it too: compared through the first form)
            // or it cannot be written as text (then the reference's schemaToText must refuse too: checked in Run).
            refusals[testCase.Seed] = exception.Message;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Converting must never crash: reported as a disagreement by Run.
            crashes[testCase.Seed] = exception.ToString();
        }

        return forms;
    }

    private static string? Disagreement(OracleValidationResult want, DomeValidation got)
    {
        if (got.Crashed)
        {
            return "dome crashed";
        }

        if (want.Failure is not null || got.Failure is not null)
        {
            return (want.Failure is null) == (got.Failure is null) ? null
                : want.Failure is null ? "dome rejects input the reference accepts" : "dome accepts input the reference rejects";
        }

        var wantPolicies = want.Errors.Select(e => e.PolicyId).ToHashSet(StringComparer.Ordinal);
        if (wantPolicies.Count == 0 != got.IsValid)
        {
            return got.IsValid ? "dome finds valid what the reference finds invalid" : "dome finds invalid what the reference finds valid";
        }

        if (!wantPolicies.SetEquals(got.ErrorKinds.Keys))
        {
            return "erroring policies differ";
        }

        foreach (var policy in wantPolicies)
        {
            var kinds = want.Errors.Where(e => e.PolicyId == policy).Select(e => ReferenceErrorKind.Classify(e.Message)).ToList();
            if (kinds.All(k => k is not null) && !got.ErrorKinds[policy].SetEquals(kinds!))
            {
                return "error kinds differ";
            }
        }

        var wantWarnings = want.Warnings.Select(w => (w.PolicyId, Kind: ReferenceErrorKind.ClassifyWarning(w.Message)))
            .Where(w => w.Kind is not null).Select(w => w.PolicyId + " " + w.Kind).ToHashSet(StringComparer.Ordinal);
        var gotWarnings = got.Warnings.Where(w => w.Code is "invalid-action-application" or "impossible-policy")
            .Select(w => w.PolicyId + " " + w.Code).ToHashSet(StringComparer.Ordinal);
        return wantWarnings.SetEquals(gotWarnings) ? null : "scope or impossible-policy warnings differ";
    }

    private static string Describe(OracleValidationResult result) =>
        result.Failure is not null ? "failure (" + string.Join("; ", result.Failure) + ")"
        : (result.Errors.Count == 0 ? "valid" : "invalid: " + string.Join(" | ", result.Errors.Select(e => e.PolicyId + ": " + e.Message)))
            + (result.Warnings.Count == 0 ? "" : "; warnings: " + string.Join(" | ", result.Warnings.Select(e => e.PolicyId + ": " + e.Message)));

    private static string BatchDocument(List<SchemaCase> cases, List<List<(string Source, bool Json)>> forms)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cases");
            for (var c = 0; c < cases.Count; c++)
            {
                writer.WriteStartObject();
                writer.WriteString("name", cases[c].Name);
                writer.WriteString("policies", cases[c].PolicyText);
                writer.WriteStartObject("templates");
                for (var t = 0; t < cases[c].Templates.Count; t++)
                {
                    writer.WriteString(cases[c].TemplateId(t), cases[c].Templates[t]);
                }

                writer.WriteEndObject();
                writer.WriteStartArray("schemas");
                foreach (var (source, json) in forms[c])
                {
                    if (json)
                    {
                        writer.WriteRawValue(source);
                    }
                    else
                    {
                        writer.WriteStringValue(source);
                    }
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
