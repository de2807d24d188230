using System.Collections.Frozen;

namespace Dome.Gateway.Forwarding;

/// <summary>
/// Which headers cross the gateway. Upstream requests are built fresh (nothing of the agent's request is copied), and
/// arguments bound to headers may not name a reserved one. Responses pass an allowlist: no cookies, no auth
/// challenges, no hop-by-hop headers.
/// </summary>
internal static class HeaderRules
{
    /// <summary>Headers an argument may never set: credentials, cookies, the user assertion, framing and hop-by-hop headers.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Cookie2", "Host", "Connection", "Keep-Alive", "Transfer-Encoding",
        "TE", "Trailer", "Upgrade", "Proxy-Connection", "Content-Length", "Content-Type", "Expect", "Forwarded",
        "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", Credentials.UserAssertionSigner.HeaderName,
    };

    /// <summary>Response headers passed to the agent, each with the lowercase name it is passed under.</summary>
    private static readonly FrozenDictionary<string, string> Passed = new[]
    {
        "Content-Type", "Content-Language", "ETag", "Last-Modified", "Location", "Retry-After", "X-Request-Id",
        "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
    }.ToFrozenDictionary(name => name, name => name.ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);

    public static bool IsReserved(string name, string? credentialHeader) =>
        Reserved.Contains(name) || (credentialHeader is not null && string.Equals(name, credentialHeader, StringComparison.OrdinalIgnoreCase));

    /// <summary>The lowercase name of an allowed response header; null for any other.</summary>
    public static string? PassedAs(string name) => Passed.GetValueOrDefault(name);
}
