using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dome.Tokens.Issuing;
using Dome.Tokens.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Dome.Functions.Tests.Identity;

/// <summary>Tokens an attacker could present to the gateway: each is refused with 401, none with a 500.</summary>
public sealed class TokenAttackTests : ServerTestBase
{
    [Theory]
    [InlineData("alg-none")]
    [InlineData("hs256-with-public-key")]
    [InlineData("unknown-kid")]
    [InlineData("attacker-key-with-dome-kid")]
    [InlineData("expired")]
    [InlineData("not-yet-valid")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-audience")]
    [InlineData("tampered-payload")]
    [InlineData("id-token-typ")]
    [InlineData("no-exp")]
    [InlineData("garbage")]
    [InlineData("deeply-nested")]
    [InlineData("oversized")]
    public async Task WhoAmI_ForgedOrInvalidToken_Answers401(string attack)
    {
        var apiKey = await Tokens.ActiveAgentAsync(Server, "triage");
        var victim = await Tokens.ActiveAgentAsync(Server, "victim");
        var genuine = await Tokens.TokenAsync(Server, Tokens.AgentAlone(apiKey));
        var victimId = Api.Str(Tokens.Payload(await Tokens.TokenAsync(Server, Tokens.AgentAlone(victim))), "sub");
        var key = await Server.Services.GetRequiredService<SigningKeyRing>().CurrentAsync(Api.Ct);
        var header = Tokens.Header(genuine);
        var claims = Tokens.Payload(genuine);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var parts = genuine.Split('.');

        var token = attack switch
        {
            "alg-none" => Tokens.B64(new JsonObject { ["alg"] = "none", ["typ"] = "at+jwt" }) + "." + parts[1] + ".",
            "hs256-with-public-key" => Hs256WithPublicKey((await Api.GetAsync(Server.Client(), "/.well-known/jwks.json")).Body!, claims),
            "unknown-kid" => SignWith(ECDsa.Create(ECCurve.NamedCurves.nistP256), "not-a-dome-kid", claims),
            "attacker-key-with-dome-kid" => SignWith(ECDsa.Create(ECCurve.NamedCurves.nistP256), header["kid"]!.GetValue<string>(), claims),
            "expired" => Resign(key, claims, c => { c["iat"] = now - 3600; c["nbf"] = now - 3600; c["exp"] = now - 600; }),
            "not-yet-valid" => Resign(key, claims, c => { c["nbf"] = now + 600; c["exp"] = now + 900; }),
            "wrong-issuer" => Resign(key, claims, c => c["iss"] = "https://evil.example.com"),
            "wrong-audience" => Resign(key, claims, c => c["aud"] = "https://crm.example.com"),
            "tampered-payload" => parts[0] + "." + Tokens.B64(With(claims, c => { c["sub"] = victimId; c["client_id"] = victimId; })) + "." + parts[2],
            "id-token-typ" => SignWith(key.Key, key.Kid, claims, typ: "JWT"),
            "no-exp" => Resign(key, claims, c => c.Remove("exp")),
            "deeply-nested" => Tokens.B64(header) + "." + Tokens.B64(string.Concat(Enumerable.Repeat("{\"act\":", 500)) + "1" + new string('}', 500)) + "." + parts[2],
            "oversized" => parts[0] + "." + Tokens.B64(With(claims, c => c["pad"] = new string('x', 20_000))) + "." + parts[2],
            _ => "a.b.c",
        };

        var (status, problem, challenge) = await Tokens.WhoAmIAsync(Server, token);

        Assert.Equal(401, status);
        Assert.Equal("unauthenticated", Api.Str(problem, "code"));
        Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
        Assert.DoesNotContain(token, problem!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_GenuineTokenResignedWithDomeKey_IsAccepted()
    {
        // The control for the attacks above: the same re-signing, without a flaw, passes.
        var apiKey = await Tokens.ActiveAgentAsync(Server, "triage");
        var genuine = await Tokens.TokenAsync(Server, Tokens.AgentAlone(apiKey));
        var key = await Server.Services.GetRequiredService<SigningKeyRing>().CurrentAsync(Api.Ct);

        var (status, _, _) = await Tokens.WhoAmIAsync(Server, Resign(key, Tokens.Payload(genuine), _ => { }));

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task WhoAmI_NoBearerToken_Answers401WithChallenge(string? authorization)
    {
        using var client = Server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/whoami");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request, Api.Ct);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task WhoAmI_RevokedAgentsToken_Answers401()
    {
        var apiKey = await Tokens.ActiveAgentAsync(Server, "triage");
        var token = await Tokens.TokenAsync(Server, Tokens.AgentAlone(apiKey));

        await Api.PostAsync(Server.Client(Server.AdminKey), "/v1/admin/agents/triage/revoke");
        await WaitForQuietAsync();

        var (status, problem, _) = await Tokens.WhoAmIAsync(Server, token);
        Assert.Equal(401, status);
        Assert.Contains("revoked", Api.Str(problem, "detail"), StringComparison.Ordinal);
    }

    private static JsonObject With(JsonObject claims, Action<JsonObject> change)
    {
        var copy = claims.DeepClone().AsObject();
        change(copy);
        return copy;
    }

    private static string Resign(SigningKey key, JsonObject claims, Action<JsonObject> change) =>
        DomeTokenIssuer.Sign(key, Encoding.UTF8.GetBytes(With(claims, change).ToJsonString()));

    private static string SignWith(ECDsa ec, string kid, JsonObject claims, string typ = "at+jwt")
    {
        var input = Tokens.B64(new JsonObject { ["alg"] = "ES256", ["kid"] = kid, ["typ"] = typ }) + "." + Tokens.B64(claims);
        return input + "." + Base64UrlEncoder.Encode(ec.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256));
    }

    /// <summary>The classic confusion attack: HMAC-SHA256 keyed with Dome's published key, hoping it is taken as a secret.</summary>
    private static string Hs256WithPublicKey(JsonNode jwks, JsonObject claims)
    {
        var jwk = jwks["keys"]![0]!;
        var input = Tokens.B64(new JsonObject { ["alg"] = "HS256", ["kid"] = Api.Str(jwk, "kid"), ["typ"] = "at+jwt" }) + "." + Tokens.B64(claims);
        var secret = Encoding.UTF8.GetBytes(jwk.ToJsonString());
        return input + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }
}
