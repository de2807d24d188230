using Dome.Tokens.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Dome.Functions.Tests.Identity;

/// <summary>Runs with a configured issuer, as a deployment would: it survives restarts on another port.</summary>
public sealed class WellKnownTests : ServerTestBase
{
    private const string Issuer = "https://dome.test";

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Dome:Tokens:Issuer"] = Issuer + "/" };

    [Fact]
    public async Task Jwks_PublishesOneEcP256SigningKey()
    {
        using var client = Server.Client();
        using var response = await client.GetAsync("/.well-known/jwks.json", Api.Ct);
        var jwks = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Api.Ct));

        Assert.Equal("application/jwk-set+json", response.Content.Headers.ContentType?.MediaType);
        var key = Assert.Single(jwks!["keys"]!.AsArray())!;
        Assert.Equal(("EC", "P-256", "sig", "ES256"), (Api.Str(key, "kty"), Api.Str(key, "crv"), Api.Str(key, "use"), Api.Str(key, "alg")));
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(Api.Str(key, "x")).Length);
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(Api.Str(key, "y")).Length);
        Assert.Null(key["d"]);
        Assert.NotEmpty(Api.Str(key, "kid"));
    }

    [Fact]
    public async Task Metadata_FollowsRfc8414()
    {
        var (status, metadata) = await Api.GetAsync(Server.Client(), "/.well-known/oauth-authorization-server");

        Assert.Equal(200, status);
        Assert.Equal(
            (Issuer, Issuer + "/oauth2/token", Issuer + "/.well-known/jwks.json"),
            (Api.Str(metadata, "issuer"), Api.Str(metadata, "token_endpoint"), Api.Str(metadata, "jwks_uri")));
        Assert.Equal([Tokens.Grant], metadata!["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task RotateKeys_NewKeySigns_OldKeyStaysPublished_OldTokensStillVerify()
    {
        var apiKey = await Tokens.ActiveAgentAsync(Server, "triage");
        var before = await Tokens.TokenAsync(Server, Tokens.AgentAlone(apiKey));
        var oldKid = Tokens.Header(before)["kid"]!.GetValue<string>();

        var (status, keys) = await Api.PostAsync(Server.Client(Server.OperatorKey), "/v1/operator/signing-keys/rotate");

        Assert.Equal(200, status);
        var listed = keys!.AsArray();
        Assert.Equal(2, listed.Count);
        var retired = Assert.Single(listed, k => Api.Str(k, "kid") == oldKid)!;
        Assert.False(retired["current"]!.GetValue<bool>());
        Assert.True(DateTimeOffset.Parse(Api.Str(retired, "publishedUntil"), System.Globalization.CultureInfo.InvariantCulture) >= DateTimeOffset.UtcNow.AddHours(1));
        var after = await Tokens.TokenAsync(Server, Tokens.AgentAlone(apiKey));
        Assert.NotEqual(oldKid, Tokens.Header(after)["kid"]!.GetValue<string>());
        var (_, jwks) = await Api.GetAsync(Server.Client(), "/.well-known/jwks.json");
        Assert.Equal(2, jwks!["keys"]!.AsArray().Count);
        Assert.Equal(200, (await Tokens.WhoAmIAsync(Server, before)).Status);
        Assert.Equal(200, (await Tokens.WhoAmIAsync(Server, after)).Status);
    }

    [Fact]
    public async Task RotateKeys_WithAdminKey_Is403()
    {
        var (status, _) = await Api.PostAsync(Server.Client(Server.AdminKey), "/v1/operator/signing-keys/rotate");

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task SigningKeys_AreEncryptedAtRest_AndSurviveARestart()
    {
        var apiKey = await Tokens.ActiveAgentAsync(Server, "triage");
        var token = await Tokens.TokenAsync(Server, Tokens.AgentAlone(apiKey));
        var key = await Server.Services.GetRequiredService<SigningKeyRing>().CurrentAsync(Api.Ct);
        var d = key.Key.ExportParameters(includePrivateParameters: true).D!;
        var pkcs8 = key.Key.ExportPkcs8PrivateKey();

        var file = await File.ReadAllTextAsync(Path.Combine(DataDir, LocalSigningKeyStore.FileName), Api.Ct);
        Assert.Contains(key.Kid, file, StringComparison.Ordinal);
        foreach (var secret in new[] { Base64UrlEncoder.Encode(d), Convert.ToBase64String(d), Base64UrlEncoder.Encode(pkcs8), Convert.ToBase64String(pkcs8) })
        {
            Assert.DoesNotContain(secret, file, StringComparison.Ordinal);
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(DataDir, LocalSigningKeyStore.FileName)));
        }

        await RestartAsync();
        Assert.Equal(200, (await Tokens.WhoAmIAsync(Server, token)).Status);
    }
}
