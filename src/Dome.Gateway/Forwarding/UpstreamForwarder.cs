using System.Buffers;
using System.Net.Http.Headers;
using Dome.Core.Catalog;
using Dome.Gateway.Credentials;
using Dome.Gateway.Pipeline;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Forwarding;

/// <summary>
/// Step 8: sends the upstream request built from the tool's binding, with only the tool's credential and, for
/// act-as, the <c>Dome-User-Assertion</c>; reads the answer within the timeout and the size cap.
/// </summary>
internal sealed class UpstreamForwarder(IHttpClientFactory httpClients, IOptions<GatewayOptions> options)
{
    public const string HttpClientName = "dome-upstream";

    public async Task<UpstreamResponse> SendAsync(UpstreamRequest upstream, UpstreamCredential credential, string? userAssertion, string connection, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(upstream.Method), upstream.Url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in upstream.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (credential.HeaderName is { } header)
        {
            request.Headers.TryAddWithoutValidation(header, credential.HeaderValue);
        }

        if (userAssertion is not null)
        {
            request.Headers.TryAddWithoutValidation(UserAssertionSigner.HeaderName, userAssertion);
        }

        if (upstream.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.UpstreamTimeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var content = await ReadCappedAsync(response.Content, options.Value.MaxResponseBytes, connection, timeout.Token).ConfigureAwait(false);
            return new UpstreamResponse
            {
                Status = (int)response.StatusCode,
                Headers = FilterHeaders(response),
                ContentType = response.Content.Headers.ContentType?.ToString(),
                Body = content,
            };
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamException(UpstreamFailureKind.Timeout, $"connection `{connection}` did not answer within {options.Value.UpstreamTimeout.TotalSeconds:0.###} s", e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse)
        {
            throw new UpstreamException(UpstreamFailureKind.Broken, $"connection `{connection}` closed the connection without a complete response", e);
        }
        catch (HttpRequestException e)
        {
            throw new UpstreamException(UpstreamFailureKind.Unreachable, $"connection `{connection}` could not be reached", e);
        }
        catch (IOException e)
        {
            // The response body broke off: the upstream closed or reset the connection mid-response (HttpIOException).
            throw new UpstreamException(UpstreamFailureKind.Broken, $"connection `{connection}` closed the connection before its response was complete", e);
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadCappedAsync(HttpContent content, int cap, string connection, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length && length > cap)
        {
            throw new UpstreamException(UpstreamFailureKind.TooLarge, $"connection `{connection}` answered {length} bytes; the gateway passes at most {cap}");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>(content.Headers.ContentLength is { } known ? (int)Math.Max(known, 256) : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await stream.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > cap)
            {
                throw new UpstreamException(UpstreamFailureKind.TooLarge, $"connection `{connection}` answered more than {cap} bytes, the most the gateway passes");
            }
        }
    }

    private static Dictionary<string, string> FilterHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (HeaderRules.IsPassed(name))
            {
                headers[name.ToLowerInvariant()] = string.Join(", ", values);
            }
        }

        return headers;
    }
}
