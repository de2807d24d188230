using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Dome.Storage.Azure;

/// <summary>What the Table and Queue service clients share about a Storage service endpoint: its form and the bearer-token scope.</summary>
internal static class StorageEndpoint
{
    /// <summary>The OAuth scope of every Azure Storage service.</summary>
    public const string Scope = "https://storage.azure.com/.default";

    /// <summary>The bearer-token policy for <see cref="Scope"/>.</summary>
    public static HttpPipelinePolicy BearerPolicy(TokenCredential credential) => new BearerTokenAuthenticationPolicy(credential, Scope);

    /// <summary>The service root without a trailing slash; <paramref name="service"/> (<c>table</c>, <c>queue</c>) names it in the error.</summary>
    /// <exception cref="ArgumentException">The endpoint is not an absolute http(s) URL.</exception>
    public static Uri Normalize(Uri endpoint, string service)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{service} endpoint `{endpoint}` is not an http(s) URL"), nameof(endpoint));
        }

        return new Uri(endpoint.AbsoluteUri.TrimEnd('/'));
    }
}
