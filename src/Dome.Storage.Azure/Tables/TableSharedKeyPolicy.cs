using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Dome.Storage.Azure.Tables;

/// <summary>
/// Signs each request (each retry too) with the Table service's Shared Key scheme:
/// <c>Authorization: SharedKey account:signature</c>, where the signature is the base64 HMAC-SHA256, under the
/// account key, of <c>VERB\nContent-MD5\nContent-Type\nDate\nCanonicalizedResource</c>; the date is the
/// <c>x-ms-date</c> header this policy sets, and the canonicalized resource is <c>/account</c> followed by the
/// request's encoded path (and <c>?comp=…</c> when the query has a <c>comp</c> parameter).
/// </summary>
internal sealed class TableSharedKeyPolicy : HttpPipelineSynchronousPolicy
{
    private readonly AzureNamedKeyCredential _credential;
    private readonly TimeProvider _time;

    public TableSharedKeyPolicy(AzureNamedKeyCredential credential, TimeProvider? time = null)
    {
        _credential = credential;
        _time = time ?? TimeProvider.System;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = _time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);
        var (account, key) = _credential;
        var toSign = StringToSign(
            request.Method.Method,
            request.Headers.TryGetValue("Content-MD5", out var md5) ? md5 : string.Empty,
            request.Headers.TryGetValue("Content-Type", out var contentType) ? contentType : string.Empty,
            date,
            CanonicalizedResource(account, request.Uri.ToUri()));
        request.Headers.SetValue("Authorization", "SharedKey " + account + ":" + SharedKeySignature.Sign(key, toSign));
    }

    public static string StringToSign(string method, string contentMd5, string contentType, string date, string canonicalizedResource) =>
        string.Join('\n', method.ToUpperInvariant(), contentMd5, contentType, date, canonicalizedResource);

    public static string CanonicalizedResource(string account, Uri uri)
    {
        var resource = "/" + account + uri.AbsolutePath;
        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            if (string.Equals(Uri.UnescapeDataString(name), "comp", StringComparison.OrdinalIgnoreCase))
            {
                resource += "?comp=" + Uri.UnescapeDataString(separator < 0 ? string.Empty : pair[(separator + 1)..]);
            }
        }

        return resource;
    }
}
