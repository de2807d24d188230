using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dome.Tokens;

/// <summary>
/// Who Dome is as a token issuer: the configured <c>Dome:Tokens:Issuer</c>, or else the server's own first
/// address. The issuer URL is also Dome's default resource (the audience its gateway accepts).
/// </summary>
public sealed class DomeIssuer(IOptions<TokenOptions> options, IServer server)
{
    private string? value;

    /// <summary>The issuer URL, without a trailing slash.</summary>
    public string Value => value ??= Resolve();

    public string TokenEndpoint => Value + "/oauth2/token";

    public string JwksUri => Value + "/.well-known/jwks.json";

    /// <summary>The audience of a token asked for without <c>resource</c> or <c>audience</c>: the gateway's own.</summary>
    public string DefaultAudience => Value;

    /// <summary>Every resource Dome issues tokens for.</summary>
    public IReadOnlyList<string> Audiences => [Value, .. options.Value.Audiences.Select(Normalize)];

    /// <summary>The audience a requested resource names, or null when it is not one of Dome's.</summary>
    public string? ResolveAudience(string requested)
    {
        var normalized = Normalize(requested);
        return Audiences.FirstOrDefault(a => string.Equals(a, normalized, StringComparison.Ordinal));
    }

    private static string Normalize(string uri) => uri.TrimEnd('/');

    private string Resolve()
    {
        if (options.Value.Issuer is { } configured)
        {
            return Normalize(configured.AbsoluteUri);
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Dome has no address yet; set Dome:Tokens:Issuer");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return Normalize(uri.Uri.GetLeftPart(UriPartial.Authority));
    }
}
