using System.Text;
using System.Text.Json;
using Dome.Gateway.Credentials;
using Dome.Gateway.Forwarding;
using Dome.Gateway.Output;

namespace Dome.Gateway.Pipeline;

/// <summary>Steps 7–9: credential, the decided audit stage, forward, output governance.</summary>
internal sealed partial class ToolCallPipeline
{
    private async Task ForwardAsync(CallState call, CancellationToken cancellationToken)
    {
        var tool = call.Tool!;
        var connection = tool.Connection;

        // :: Step 7: the credential, from the secret store by reference; the user assertion for act-as.
        UpstreamCredential credential;
        string? assertion = null;
        using (Step(call, PipelineSteps.Credential))
        {
            try
            {
                credential = await credentials.GetAsync(connection, cancellationToken).ConfigureAwait(false);
                if (call.Principal!.User is { } user)
                {
                    assertion = await assertions.SignAsync(call.Principal, user, connection.BaseUrl, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (CredentialUnavailableException e)
            {
                call.Fail(CallFailure.CredentialUnavailable, e.Message);
                return;
            }
        }

        // :: Step 8a: the decided stage of the audit event, durable before anything goes upstream (fail closed).
        if (!await AuditDecidedAsync(call, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // :: Step 8: forward, with the timeout; nothing of the agent's request but its bound arguments goes upstream.
        UpstreamResponse response;
        using (Step(call, PipelineSteps.Forward))
        {
            try
            {
                response = await forwarder.SendAsync(call.Upstream!, credential, assertion, connection.Name, cancellationToken).ConfigureAwait(false);
            }
            catch (UpstreamException e)
            {
                call.Fail(e.Kind switch
                {
                    UpstreamFailureKind.Timeout => CallFailure.UpstreamTimeout,
                    UpstreamFailureKind.TooLarge => CallFailure.OutputRejected,
                    UpstreamFailureKind.Broken => CallFailure.UpstreamError,
                    _ => CallFailure.UpstreamUnavailable,
                }, e.Message);
                return;
            }

            call.UpstreamStatus = response.Status;
        }

        // :: Step 9: output governance (the tool's rules plus the @redact paths of the determining permits).
        using (Step(call, PipelineSteps.Output))
        {
            var rules = outputRules.For(tool.Entry);
            var governed = rules == CompiledOutputRules.None && call.Decision!.Redactions.Count == 0
                ? OutputResultPassThrough(response.Body)
                : governor.Apply(response.Body, response.ContentType, rules, call.Decision!.Redactions);
            if (governed.IsRejected)
            {
                call.Fail(CallFailure.OutputRejected, governed.Message ?? "output governance refused the response");
                return;
            }

            call.Redactions = governed.Counts;
            call.Result = new ToolCallResult { Status = response.Status, Headers = response.Headers, Body = BodyOf(governed.Body, response.ContentType) };
        }
    }

    private static OutputResult OutputResultPassThrough(ReadOnlyMemory<byte> body) => OutputResult.Unchanged(body);

    /// <summary>JSON bodies as JSON; any other text as a string; an empty body as null.</summary>
    private static JsonElement? BodyOf(ReadOnlyMemory<byte> body, string? contentType)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        if (IsJson(contentType))
        {
            try
            {
                var reader = new Utf8JsonReader(body.Span);
                return JsonElement.ParseValue(ref reader);
            }
            catch (JsonException)
            {
                // Labelled JSON but not JSON: pass it on as text.
            }
        }

        return JsonSerializer.SerializeToElement(Encoding.UTF8.GetString(body.Span));
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));
}
