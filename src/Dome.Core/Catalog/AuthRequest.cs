namespace Dome.Core.Catalog;

/// <summary>How a connection authenticates, as the API and CLI state it.</summary>
public sealed record AuthRequest
{
    /// <summary><c>none</c>, <c>bearer</c>, <c>header</c>, <c>basic</c> or <c>oauth2-client-credentials</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The name of the tenant secret holding the credential.</summary>
    public string? Secret { get; init; }

    /// <summary>For <c>header</c>: the header carrying the secret.</summary>
    public string? Header { get; init; }

    /// <summary>For <c>oauth2-client-credentials</c>: the token endpoint.</summary>
    public string? TokenUrl { get; init; }

    /// <summary>For <c>oauth2-client-credentials</c>: the scope to ask for.</summary>
    public string? Scope { get; init; }
}
