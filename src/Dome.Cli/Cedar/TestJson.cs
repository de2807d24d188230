using System.Text;
using System.Text.Json;
using Dome.Cedar.Conformance;

namespace Dome.Cli.Cedar;

/// <summary>The one-line JSON objects `dome cedar test --json` prints: one per request, then one per file.</summary>
internal static class TestJson
{
    /// <summary>`{"file","index","decision","reasons","errors"}`, or `decision: null` with `failure` when the request could not run.</summary>
    public static string Request(IntegrationOutcome outcome) => Write(json =>
    {
        json.WriteString("file", outcome.File);
        json.WriteNumber("index", outcome.Index);
        if (outcome.Actual is { } actual)
        {
            json.WriteString("decision", actual.IsAllowed ? "allow" : "deny");
            json.WriteStartArray("reasons");
            foreach (var id in actual.Reasons)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (var e in actual.Errors)
            {
                json.WriteStringValue(e.PolicyId);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("decision");
            json.WriteString("failure", outcome.Failure);
        }
    });

    /// <summary>
    /// `{"file","validates","shouldValidate"}`: `validates` is null when the file has no schema or its schema or
    /// policies could not be read; `failure` is present when the file itself failed (unreadable input, or validation
    /// disagreeing with `shouldValidate`).
    /// </summary>
    public static string File(IntegrationFileOutcome outcome) => Write(json =>
    {
        json.WriteString("file", outcome.File);
        if (outcome.Validates is { } validates)
        {
            json.WriteBoolean("validates", validates);
        }
        else
        {
            json.WriteNull("validates");
        }

        json.WriteBoolean("shouldValidate", outcome.ShouldValidate);
        if (outcome.Failure is { } failure)
        {
            json.WriteString("failure", failure);
        }
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
