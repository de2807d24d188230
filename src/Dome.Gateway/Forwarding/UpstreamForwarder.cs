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
/// <remarks>
/// Sends through an <see cref="HttpMessageInvoker"/> over the named client's handler chain (the one an
/// <see cref="HttpClient"/> of that name would use, rotated by the factory as usual) rather than a new HttpClient per
/// call: HttpClient adds nothing used here (no base address, default headers or timeout of its own) but a second
/// linked cancellation source and a task per call.
/// </remarks>
internal sealed class UpstreamForwarder(IHttpMessageHandlerFactory handlers, IOptions<GatewayOptions> options)
{
    public const string HttpClientName = "dome-upstream";

    public async Task<UpstreamResponse> SendAsync(UpstreamRequest upstream, UpstreamCredential credential, string? userAssertion, string connection, CancellationToken cancellationToken)
    {
        // Header values are constants or already checked (HeaderRules, the binding): added as text, not parsed.
        using var request = new HttpRequestMessage(MethodOf(upstream.Method), upstream.Url);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
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
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        }

        // A fresh source per call: reusing one (TryReset) could race with its own timer firing.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.UpstreamTimeout);
        try
        {
            using var invoker = new HttpMessageInvoker(handlers.CreateHandler(HttpClientName), disposeHandler: false);
            using var response = await invoker.SendAsync(request, timeout.Token).ConfigureAwait(false);
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

    private static HttpMethod MethodOf(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "PATCH" => HttpMethod.Patch,
        "DELETE" => HttpMethod.Delete,
        "HEAD" => HttpMethod.Head,
        "OPTIONS" => HttpMethod.Options,
        _ => new HttpMethod(method),
    };

    /// <summary>
    /// The body, read into one array of the announced length (plus one byte, to see that the body ends there); a body
    /// of unknown length, or longer than announced, is read into a growing buffer. Never more than the cap.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> ReadCappedAsync(HttpContent content, int cap, string connection, CancellationToken cancellationToken)
    {
        var announced = content.Headers.ContentLength;
        if (announced is { } length && length > cap)
        {
            throw new UpstreamException(UpstreamFailureKind.TooLarge, $"connection `{connection}` answered {length} bytes; the gateway passes at most {cap}");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (announced is not { } exact)
        {
            return await ReadGrowingAsync(stream, ReadOnlyMemory<byte>.Empty, 4096, cap, connection, cancellationToken).ConfigureAwait(false);
        }

        var body = new byte[exact + 1];
        var filled = 0;
        while (filled < body.Length)
        {
            var read = await stream.ReadAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return body.AsMemory(0, filled);
            }

            filled += read;
        }

        return await ReadGrowingAsync(stream, body, body.Length * 2, cap, connection, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadGrowingAsync(Stream stream, ReadOnlyMemory<byte> start, int capacity, int cap, string connection, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(capacity);
        buffer.Write(start.Span);
        while (true)
        {
            if (buffer.WrittenCount > cap)
            {
                throw new UpstreamException(UpstreamFailureKind.TooLarge, $"connection `{connection}` answered more than {cap} bytes, the most the gateway passes");
            }

            var memory = buffer.GetMemory(4096);
            var read = await stream.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
        }
    }

    /// <summary>
    /// The allowed response headers, lowercased. Found without parsing the others (enumerating <see cref="HttpHeaders"/>
    /// parses and reformats every value, the <c>Date</c> too); an allowed header's values are read as before.
    /// </summary>
    private static Dictionary<string, string> FilterHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(1, StringComparer.OrdinalIgnoreCase);
        Pass(response.Headers, headers);
        Pass(response.Content.Headers, headers);
        return headers;
    }

    private static void Pass(HttpHeaders from, Dictionary<string, string> to)
    {
        foreach (var (name, _) in from.NonValidated)
        {
            if (HeaderRules.PassedAs(name) is { } lowercase && from.TryGetValues(name, out var values))
            {
                to[lowercase] = string.Join(", ", values);
            }
        }
    }
}
