using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dome.Cedar.Tests.Differential.Generation;
using Dome.Cedar.Tests.Differential.Oracle;

namespace Dome.Cedar.Tests.Differential;

/// <summary>
/// Prepares generated cases for the oracle: converts the JSON-format cases' policies with one
/// `to-json` call, then writes the `authorize` batch (entities and contexts as raw JSON, so
/// 64-bit integers stay exact).
/// </summary>
internal sealed class OracleBatch
{
    private readonly Dictionary<int, OracleJsonPolicies> estByCase = [];

    private OracleBatch(IReadOnlyList<DifferentialCase> cases) => Cases = cases;

    public IReadOnlyList<DifferentialCase> Cases { get; }

    /// <summary>Case index -> policy-set JSON document (policy texts or EST).</summary>
    public IReadOnlyList<string> PolicySets { get; private set; } = [];

    /// <summary>Cases whose JSON conversion failed in the oracle (their text does not parse), by index.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> ConversionErrors { get; private set; } =
        new Dictionary<int, IReadOnlyList<string>>();

    public static OracleBatch Prepare(OracleClient oracle, IReadOnlyList<DifferentialCase> cases)
    {
        var batch = new OracleBatch(cases);
        var policies = new Dictionary<string, string>(StringComparer.Ordinal);
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < cases.Count; c++)
        {
            if (!cases[c].UseJsonFormat)
            {
                continue;
            }

            for (var i = 0; i < cases[c].Policies.Count; i++)
            {
                policies[Prefix(c) + DifferentialCase.PolicyId(i)] = cases[c].Policies[i];
            }

            foreach (var template in cases[c].Templates)
            {
                templates[Prefix(c) + template.Id] = template.Text;
            }
        }

        var conversionErrors = new Dictionary<int, IReadOnlyList<string>>();
        var est = policies.Count + templates.Count > 0 ? oracle.ToJson(policies, templates) : null;
        var sets = new List<string>(cases.Count);
        for (var c = 0; c < cases.Count; c++)
        {
            var errors = est?.Errors.Where(e => e.Key.StartsWith(Prefix(c), StringComparison.Ordinal)).SelectMany(e => e.Value).ToList();
            if (cases[c].UseJsonFormat && errors is { Count: > 0 })
            {
                conversionErrors[c] = errors;
            }

            var useEst = cases[c].UseJsonFormat && est is not null && !conversionErrors.ContainsKey(c);
            if (useEst)
            {
                batch.estByCase[c] = est!;
            }

            sets.Add(PolicySetJson.Build(cases[c], useEst ? est : null, Prefix(c)));
        }

        batch.PolicySets = sets;
        batch.ConversionErrors = conversionErrors;
        return batch;
    }

    /// <summary>Whether case <paramref name="index"/> is given as the JSON policy format.</summary>
    public bool IsJson(int index) => estByCase.ContainsKey(index);

    public string AuthorizeDocument()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cases");
            for (var c = 0; c < Cases.Count; c++)
            {
                var testCase = Cases[c];
                writer.WriteStartObject();
                writer.WriteString("name", testCase.Name);
                writer.WritePropertyName("policies");
                writer.WriteRawValue(PolicySets[c]);
                writer.WritePropertyName("entities");
                writer.WriteRawValue(testCase.EntitiesJson);
                writer.WriteStartArray("requests");
                foreach (var request in testCase.Requests)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("principal");
                    ValueWriter.WriteUid(writer, request.Principal);
                    writer.WritePropertyName("action");
                    ValueWriter.WriteUid(writer, request.Action);
                    writer.WritePropertyName("resource");
                    ValueWriter.WriteUid(writer, request.Resource);
                    writer.WritePropertyName("context");
                    writer.WriteRawValue(request.ContextJson);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Prefix(int caseIndex) => "c" + caseIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
}
