using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dome.Functions.Tests.Identity;

/// <summary>
/// A real OIDC issuer for act-as tests: an RS256 key pair made in the test, its JWKS served by Kestrel on a
/// loopback port, and ID tokens it signs on request (valid, or wrong in one chosen way).
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "dome-test-client";

    private readonly WebApplication app;
    private readonly RsaSecurityKey key;

    private TestIdentityProvider(WebApplication app, RsaSecurityKey key, string issuer)
    {
        this.app = app;
        this.key = key;
        Issuer = issuer;
    }

    public string Issuer { get; }

    public string JwksUri => Issuer + "/jwks.json";

    public string Jwks => JsonSerializer.Serialize(new { keys = new[] { PublicJwk(key) } });

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "idp-" + Guid.NewGuid().ToString("N")[..8] };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/jwks.json", () => Results.Json(new { keys = new[] { PublicJwk(key) } }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestIdentityProvider(app, key, address.TrimEnd('/'));
    }

    /// <summary>An ID token for <paramref name="subject"/>, valid for five minutes unless told otherwise.</summary>
    public string IdToken(
        string subject = "alice",
        string? audience = null,
        string? issuer = null,
        DateTime? expires = null,
        DateTime? notBefore = null,
        SecurityKey? signWith = null,
        IReadOnlyDictionary<string, object>? claims = null)
    {
        var now = DateTime.UtcNow;
        var signingKey = signWith ?? key;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? ClientId,
            IssuedAt = (notBefore ?? now).AddSeconds(-1),
            NotBefore = notBefore ?? now.AddSeconds(-1),
            Expires = expires ?? now.AddMinutes(5),
            Claims = new Dictionary<string, object>(claims ?? new Dictionary<string, object>()) { ["sub"] = subject, ["email"] = subject + "@example.com" },
            SigningCredentials = new SigningCredentials(signingKey, signingKey is RsaSecurityKey ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.EcdsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static Dictionary<string, string> PublicJwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["kid"] = key.KeyId,
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
