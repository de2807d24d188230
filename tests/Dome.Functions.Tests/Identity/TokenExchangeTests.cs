using System.Security.Cryptography;
using System.Text;
using Dome.Core.Identity;
using Dome.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Dome.Functions.Tests.Identity;

public sealed class TokenExchangeTests : ServerTestBase
{
    private string Issuer => Server.BaseAddress.AbsoluteUri.TrimEnd('/');

    [Fact]
    public async Task Exchange_AgentAlone_IssuesEs256JwtThatVerifiesAgainstTheJwks()
    {
        var apiKey = await Tokens.ActiveAgentAsync(Server, "triage");

        var (status, body) = await Tokens.ExchangeAsync(Server, Tokens.AgentAlone(apiKey));

        Assert.Equal(200, status);
        Assert.Equal((Tokens.AccessTokenType, "Bearer", 300), (Api.Str(body, "issued_token_type"), Api.Str(body, "token_type"), body!["expires_in"]!.GetValue<int>()));
        var token = Api.Str(body, "access_token");
        var header = Tokens.Header(token);
        Assert.Equal(("ES256", "at+jwt"), (header["alg"]!.GetValue<string>(), header["typ"]!.GetValue<string>()));

        // Verified here with the BCL alone, not with the library Dome signs with: the JWKS key named by `kid`.
        var (_, jwks) = await Api.GetAsync(Server.Client(), "/.well-known/jwks.json");
        var jwk = Assert.Single(jwks!["keys"]!.AsArray(), k => k!["kid"]!.GetValue<string>() == header["kid"]!.GetValue<string>())!;
        using var ec = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(Api.Str(jwk, "x")), Y = Base64UrlEncoder.DecodeBytes(Api.Str(jwk, "y")) },
        });
        var parts = token.Split('.');
        Assert.True(ec.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256));

        var claims = Tokens.Payload(token);
        var (_, agent) = await Api.GetAsync(Server.Client(Server.AdminKey), "/v1/admin/agents/triage");
        Assert.Equal(Api.Str(agent, "id"), Api.Str(claims, "sub"));
        Assert.Equal((Issuer, Issuer, "default", "triage", "standard"), (Api.Str(claims, "iss"), Api.Str(claims, "aud"), Api.Str(claims, "workspace"), Api.Str(claims, "agent_name"), Api.Str(claims, "tier")));
        Assert.StartsWith("tnt_", Api.Str(claims, "tenant"), StringComparison.Ordinal);
        Assert.NotEmpty(Api.Str(claims, "jti"));
        Assert.Equal(300, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
        Assert.Null(claims["act"]);

        var (who, principal, _) = await Tokens.WhoAmIAsync(Server, token);
        Assert.Equal((200, "agent", "triage"), (who, Api.Str(principal, "subjectType"), Api.Str(principal!["agent"], "name")));
        Assert.Equal(["triage"], principal["chain"]!.AsArray().Select(a => Api.Str(a, "name")));
    }

    [Fact]
    public async Task Exchange_ActAs_SubjectIsTheIssuerQualifiedUserAndActHoldsTheAgent()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        await Tokens.TrustAsync(Server, idp);
        var apiKey = await Tokens.ActiveAgentAsync(Server, "assistant", requireActAs: "oidc");

        var token = await Tokens.TokenAsync(Server, Tokens.ActAs(idp.IdToken("alice"), apiKey));

        var claims = Tokens.Payload(token);
        Assert.Equal(idp.Issuer + "#alice", Api.Str(claims, "sub"));
        Assert.Equal((idp.Issuer, "alice", "corp", "alice@example.com"), (Api.Str(claims["user"], "iss"), Api.Str(claims["user"], "sub"), Api.Str(claims["user"], "idp"), Api.Str(claims["user"], "email")));
        Assert.Equal("assistant", Api.Str(claims["act"], "agent_name"));
        Assert.Null(claims["act"]!["act"]);
        var (status, principal, _) = await Tokens.WhoAmIAsync(Server, token);
        Assert.Equal((200, "user", "alice"), (status, Api.Str(principal, "subjectType"), Api.Str(principal!["user"], "subject")));
    }

    [Fact]
    public async Task Exchange_ResourceOfDome_SetsAudience_AndForeignResourceIsInvalidTarget()
    {
        var apiKey = await Tokens.ActiveAgentAsync(Server, "triage");

        var ok = await Tokens.TokenAsync(Server, new Dictionary<string, string>(Tokens.AgentAlone(apiKey)) { ["resource"] = Issuer + "/" });
        var (status, error) = await Tokens.ExchangeAsync(Server, new Dictionary<string, string>(Tokens.AgentAlone(apiKey)) { ["resource"] = "https://evil.example.com/api" });
        var (audienceStatus, audienceError) = await Tokens.ExchangeAsync(Server, new Dictionary<string, string>(Tokens.AgentAlone(apiKey)) { ["audience"] = "crm" });

        Assert.Equal(Issuer, Api.Str(Tokens.Payload(ok), "aud"));
        Assert.Equal((400, "invalid_target"), (status, Api.Str(error, "error")));
        Assert.Equal((400, "invalid_target"), (audienceStatus, Api.Str(audienceError, "error")));
    }

    [Theory]
    [InlineData("wrong-grant", "unsupported_grant_type")]
    [InlineData("missing-grant", "invalid_request")]
    [InlineData("missing-subject", "invalid_request")]
    [InlineData("unknown-subject-type", "invalid_request")]
    [InlineData("id-token-without-actor", "invalid_request")]
    [InlineData("api-key-with-actor", "invalid_request")]
    [InlineData("repeated-parameter", "invalid_request")]
    [InlineData("two-resources", "invalid_target")]
    [InlineData("malformed-key", "invalid_grant")]
    [InlineData("unknown-key", "invalid_grant")]
    [InlineData("wrong-secret", "invalid_grant")]
    public async Task Exchange_BadRequest_AnswersOAuthError(string mistake, string expected)
    {
        var apiKey = await Tokens.ActiveAgentAsync(Server, "triage");
        var form = Tokens.AgentAlone(apiKey).ToList();
        void Set(string name, string value) => form = [.. form.Where(p => p.Key != name), new(name, value)];
        switch (mistake)
        {
            case "wrong-grant": Set("grant_type", "client_credentials"); break;
            case "missing-grant": form.RemoveAll(p => p.Key == "grant_type"); break;
            case "missing-subject": form.RemoveAll(p => p.Key == "subject_token"); break;
            case "unknown-subject-type": Set("subject_token_type", "urn:ietf:params:oauth:token-type:saml2"); break;
            case "id-token-without-actor": Set("subject_token_type", Tokens.IdTokenType); break;
            case "api-key-with-actor": form.Add(new("actor_token", apiKey)); form.Add(new("actor_token_type", Tokens.ApiKeyType)); break;
            case "repeated-parameter": form.Add(new("subject_token", apiKey)); break;
            case "two-resources": form.Add(new("resource", Issuer)); form.Add(new("resource", Issuer + "/mcp")); break;
            case "malformed-key": Set("subject_token", "not-a-key"); break;
            case "unknown-key": Set("subject_token", "dome_ak_0123456789abcdef_" + new string('A', 43)); break;
            case "wrong-secret": Set("subject_token", apiKey[..^4] + "AAAA"); break;
        }

        var (status, body) = await Tokens.ExchangeAsync(Server, form);

        Assert.Equal((400, expected), (status, Api.Str(body, "error")));
        Assert.False(string.IsNullOrEmpty(Api.Str(body, "error_description")));
        Assert.DoesNotContain(apiKey, body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", "{\"grant_type\":\"x\"}")]
    [InlineData("text/plain", "grant_type=x")]
    [InlineData("application/x-www-form-urlencoded", "")]
    [InlineData("application/x-www-form-urlencoded", "%%%=%%%&&&")]
    public async Task Exchange_MalformedBody_AnswersInvalidRequestNever500(string contentType, string body)
    {
        using var client = Server.Client();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await client.PostAsync("/oauth2/token", content, Api.Ct);

        var error = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Api.Ct));
        Assert.Equal((400, "invalid_request"), ((int)response.StatusCode, Api.Str(error, "error")));
    }

    [Fact]
    public async Task Exchange_TooManyParameters_AnswersInvalidRequest()
    {
        var form = Enumerable.Range(0, 100).Select(i => new KeyValuePair<string, string>("p" + i, "v"));

        var (status, body) = await Tokens.ExchangeAsync(Server, form);

        Assert.Equal((400, "invalid_request"), (status, Api.Str(body, "error")));
    }

    [Theory]
    [InlineData(null, "invalid_grant")]
    [InlineData("suspend", "invalid_grant")]
    [InlineData("revoke", "invalid_grant")]
    public async Task Exchange_AgentNotActive_IsRefusedAndAudited(string? transition, string expected)
    {
        using var admin = Server.Client(Server.AdminKey);
        var (_, registered) = await Api.PostAsync(admin, "/v1/admin/agents", new { name = "idle", owner = "o@example.com", tier = "standard" });
        var apiKey = Api.Str(registered, "apiKey");
        if (transition is not null)
        {
            await Api.PostAsync(admin, "/v1/admin/agents/idle/activate");
            await Api.PostAsync(admin, $"/v1/admin/agents/idle/{transition}");
        }

        var (status, body) = await Tokens.ExchangeAsync(Server, Tokens.AgentAlone(apiKey));

        Assert.Equal((400, expected), (status, Api.Str(body, "error")));
        var refusal = (await Server.Services.GetRequiredService<ITokenEventStore>().ListRecentAsync(1, Api.Ct))[0];
        Assert.Equal((TokenEventKind.Refused, "invalid_grant", "agent_not_active", Api.Str(registered!["agent"], "id")), (refusal.Kind, refusal.Detail, refusal.Reason, refusal.AgentId));
    }

    [Fact]
    public async Task Exchange_AgentThatRequiresActAs_AloneIsUnauthorizedClient()
    {
        var apiKey = await Tokens.ActiveAgentAsync(Server, "assistant", requireActAs: "oidc");

        var (status, body) = await Tokens.ExchangeAsync(Server, Tokens.AgentAlone(apiKey));

        Assert.Equal((400, "unauthorized_client"), (status, Api.Str(body, "error")));
    }

    [Fact]
    public async Task Exchange_ApiKeyRotatedAway_IsInvalidGrant_NewKeyWorks()
    {
        var oldKey = await Tokens.ActiveAgentAsync(Server, "triage");
        var (_, rotated) = await Api.PostAsync(Server.Client(Server.AdminKey), "/v1/admin/agents/triage/rotate-key");

        var (status, body) = await Tokens.ExchangeAsync(Server, Tokens.AgentAlone(oldKey));

        Assert.Equal((400, "invalid_grant"), (status, Api.Str(body, "error")));
        await Tokens.TokenAsync(Server, Tokens.AgentAlone(Api.Str(rotated, "apiKey")));
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("not-yet-valid")]
    [InlineData("wrong-audience")]
    [InlineData("forged")]
    [InlineData("untrusted-issuer")]
    [InlineData("not-a-jwt")]
    [InlineData("deeply-nested")]
    public async Task Exchange_BadIdToken_IsInvalidGrant(string flaw)
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        await using var stranger = await TestIdentityProvider.StartAsync();
        await Tokens.TrustAsync(Server, idp);
        var apiKey = await Tokens.ActiveAgentAsync(Server, "assistant", requireActAs: "oidc");
        var now = DateTime.UtcNow;
        var forger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Tokens.Header(idp.IdToken())["kid"]!.GetValue<string>() };
        var idToken = flaw switch
        {
            "expired" => idp.IdToken(notBefore: now.AddMinutes(-20), expires: now.AddMinutes(-10)),
            "not-yet-valid" => idp.IdToken(notBefore: now.AddMinutes(10), expires: now.AddMinutes(20)),
            "wrong-audience" => idp.IdToken(audience: "some-other-app"),
            "forged" => idp.IdToken(signWith: forger),
            "untrusted-issuer" => stranger.IdToken(),
            "deeply-nested" => string.Join('.', Tokens.B64("{\"alg\":\"RS256\"}"), Tokens.B64(string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500)), "c2ln"),
            _ => "not.a.jwt",
        };

        var (status, body) = await Tokens.ExchangeAsync(Server, Tokens.ActAs(idToken, apiKey));

        Assert.Equal((400, "invalid_grant"), (status, Api.Str(body, "error")));
        Assert.DoesNotContain(idToken, body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_Anything_LogsNoKeyAndNoToken()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        await Tokens.TrustAsync(Server, idp);
        var agentKey = await Tokens.ActiveAgentAsync(Server, "triage");
        var userKey = await Tokens.ActiveAgentAsync(Server, "assistant", requireActAs: "oidc");
        var idToken = idp.IdToken();
        var token = await Tokens.TokenAsync(Server, Tokens.AgentAlone(agentKey));
        var actAs = await Tokens.TokenAsync(Server, Tokens.ActAs(idToken, userKey));
        await Tokens.ExchangeAsync(Server, Tokens.AgentAlone(userKey));
        await Tokens.ExchangeAsync(Server, Tokens.AgentAlone(agentKey[..^4] + "AAAA"));
        await Tokens.WhoAmIAsync(Server, token);
        await Tokens.WhoAmIAsync(Server, actAs[..^4] + "AAAA");

        var logs = string.Join("\n", Server.Logs.Entries.Select(e => e.Message + e.Exception));
        Assert.Contains(Server.Logs.Entries, e => e.EventId == 5001);
        foreach (var secret in new[] { agentKey, userKey, idToken, token, actAs, agentKey[25..], token.Split('.')[2] })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
