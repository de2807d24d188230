using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dome.Cedar.Tests.Differential.Generation;
using Dome.Cedar.Tests.Differential.Oracle;

namespace Dome.Cedar.Tests.Differential;

/// <summary>
/// Writes a case's policy set as the policy-set JSON document cedar-wasm takes
/// (`staticPolicies`, `templates`, `templateLinks`): with policy texts, or with the JSON policy
/// format (EST) the oracle produced for each policy (`staticPolicies` keyed policy0, policy1, ...).
/// </summary>
internal static class PolicySetJson
{
    public static string Build(DifferentialCase testCase, OracleJsonPolicies? est, string keyPrefix = "")
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (est is null)
            {
                writer.WriteString("staticPolicies", testCase.PolicyText);
            }
            else
            {
                writer.WriteStartObject("staticPolicies");
                for (var i = 0; i < testCase.Policies.Count; i++)
                {
                    var id = DifferentialCase.PolicyId(i);
                    writer.WritePropertyName(id);
                    writer.WriteRawValue(est.Policies[keyPrefix + id]);
                }

                writer.WriteEndObject();
            }

            writer.WriteStartObject("templates");
            foreach (var template in testCase.Templates)
            {
                if (est is null)
                {
                    writer.WriteString(template.Id, template.Text);
                }
                else
                {
                    writer.WritePropertyName(template.Id);
                    writer.WriteRawValue(est.Templates[keyPrefix + template.Id]);
                }
            }

            writer.WriteEndObject();
            writer.WriteStartArray("templateLinks");
            foreach (var link in testCase.Links)
            {
                writer.WriteStartObject();
                writer.WriteString("templateId", link.TemplateId);
                writer.WriteString("newId", link.NewId);
                writer.WriteStartObject("values");
                if (link.Principal is not null)
                {
                    writer.WritePropertyName("?principal");
                    ValueWriter.WriteUid(writer, link.Principal);
                }

                if (link.Resource is not null)
                {
                    writer.WritePropertyName("?resource");
                    ValueWriter.WriteUid(writer, link.Resource);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
