namespace Dome.Gateway.Credentials;

/// <summary>The one header that carries a tool's credential upstream (none for <c>auth: none</c>).</summary>
public readonly record struct UpstreamCredential(string? HeaderName, string? HeaderValue)
{
    public static UpstreamCredential None => default;

    /// <summary>A value that never prints the credential.</summary>
    public override string ToString() => HeaderName is null ? "none" : HeaderName + ": [secret]";
}
