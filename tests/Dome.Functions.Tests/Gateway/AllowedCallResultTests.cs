using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dome.Functions.Contracts;
using Dome.Functions.Endpoints;
using Dome.Gateway.Pipeline;

namespace Dome.Functions.Tests.Gateway;

/// <summary>The allowed answer is written by hand for speed: it must stay byte for byte what the app's serializer wrote.</summary>
public sealed class AllowedCallResultTests
{
    // The options DomeServer gives the app's JSON (ConfigureHttpJsonOptions over the web defaults).
    private static readonly JsonSerializerOptions AppOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    [Theory]
    [InlineData("""{"id":4711,"customer":{"name":"Ada","ssn":"[redacted]"},"tags":["a","b"],"n":1.50,"ok":true,"none":null}""")]
    [InlineData("""{ "text" : "caf\u00e9 <b>&amp;</b> 'x' + \"q\" \\ é ✓ 😀", "nested": [ { } , [ ] ] }""")]
    [InlineData("\"plain text body\"")]
    [InlineData(null)]
    public void Render_AnyBody_SameBytesAsTheSerializer(string? body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["content-type"] = "application/json; charset=utf-8", ["etag"] = "\"v1\"" };
        var outcome = new CallOutcome
        {
            CallId = "call_<1>", Failure = CallFailure.None, Decision = "allow",
            Result = new ToolCallResult { Status = 201, Headers = headers, Body = body is null ? null : JsonDocument.Parse(body).RootElement.Clone() },
        };
        var expected = JsonSerializer.Serialize(new CallAllowedView { Decision = outcome.Decision, CallId = outcome.CallId, Result = outcome.Result }, AppOptions);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AllowedCallResult.Render(writer, outcome);
        }

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
