using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Dome.Storage.Azure.Queues;

/// <summary>
/// Signs each request (each retry too) with Shared Key as the Blob, Queue and File services define it, which
/// differs from the Table service's: the string to sign is the verb, then twelve standard headers one per line
/// (Content-Encoding, Content-Language, Content-Length — empty when zero —, Content-MD5, Content-Type, Date,
/// If-Modified-Since, If-Match, If-None-Match, If-Unmodified-Since, Range), then every <c>x-ms-*</c> header as
/// <c>name:value</c> lowercased and sorted, then the canonicalized resource: <c>/account/path</c> followed by each
/// query parameter as <c>\nname:value</c>, names lowercased and sorted, values decoded (several joined by commas).
/// </summary>
internal sealed class QueueSharedKeyPolicy(AzureNamedKeyCredential credential, TimeProvider? time = null) : HttpPipelineSynchronousPolicy
{
    private static readonly string[] StandardHeaders =
        ["Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date", "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range"];

    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture));
        var (account, key) = credential;
        var toSign = StringToSign(request, account);
        request.Headers.SetValue("Authorization", "SharedKey " + account + ":" + SharedKeySignature.Sign(key, toSign));
    }

    public static string StringToSign(Request request, string account)
    {
        var builder = new StringBuilder(request.Method.Method.ToUpperInvariant()).Append('\n');
        foreach (var name in StandardHeaders)
        {
            var value = name == "Content-Length" ? ContentLength(request) : request.Headers.TryGetValue(name, out var v) ? v : string.Empty;
            builder.Append(value).Append('\n');
        }

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        return builder.Append(CanonicalizedResource(account, request.Uri.ToUri())).ToString();
    }

    public static string CanonicalizedResource(string account, Uri uri)
    {
        var builder = new StringBuilder("/").Append(account).Append(uri.AbsolutePath);
        var parameters = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0]).ToLowerInvariant(), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            builder.Append('\n').Append(parameter.Key).Append(':').Append(string.Join(',', parameter.Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    private static string ContentLength(Request request)
    {
        if (request.Headers.TryGetValue("Content-Length", out var header))
        {
            return header == "0" ? string.Empty : header;
        }

        return request.Content is { } content && content.TryComputeLength(out var length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty;
    }
}
