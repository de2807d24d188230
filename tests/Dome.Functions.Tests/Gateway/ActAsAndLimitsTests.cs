using System.Text.Json.Nodes;
using Dome.Core.Limits;
using Dome.Functions.Tests.Identity;
using Dome.Gateway.Credentials;
using Dome.Gateway.Limits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using IdentityTokens = Dome.Functions.Tests.Identity.Tokens;

namespace Dome.Functions.Tests.Gateway;

/// <summary>Act-as calls carry a Dome-signed user assertion upstream; rate limits answer 429 with Retry-After.</summary>
public sealed class ActAsAndLimitsTests : GatewayTestBase
{
    [Fact]
    public async Task Call_ActAs_UpstreamGetsAUserAssertionThatVerifiesWithDomesJwks()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        await IdentityTokens.TrustAsync(Server, idp);
        var apiKey = await IdentityTokens.ActiveAgentAsync(Server, "assistant", requireActAs: "oidc");
        var token = await IdentityTokens.TokenAsync(Server, IdentityTokens.ActAs(idp.IdToken("alice"), apiKey));

        var (status, body, _) = await CallAsync(Ticket(), token: token);

        Assert.True(status == 200, body?.ToJsonString());
        var received = Assert.Single(Upstream.Requests);
        Assert.DoesNotContain(token, string.Join("\n", received.Headers.Values), StringComparison.Ordinal);
        var assertion = received.Headers[UserAssertionSigner.HeaderName];
        using var client = Server.Client();
        var jwks = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks.json", Api.Ct));
        var issuer = JsonNode.Parse(await client.GetStringAsync("/.well-known/oauth-authorization-server", Api.Ct))!["issuer"]!.GetValue<string>();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = Upstream.BaseAddress.GetLeftPart(UriPartial.Authority),
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = [UserAssertionSigner.Type],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(idp.Issuer + "#alice", jwt.Subject);
        Assert.True(jwt.ValidTo - jwt.IssuedAt <= TimeSpan.FromMinutes(1));

        // The assertion is not a Dome access token: the gateway refuses it.
        var (refused, _, _) = await CallAsync(Ticket(), token: assertion);
        Assert.Equal(401, refused);
    }

    [Fact]
    public async Task Call_OverTheAgentsRate_Is429WithRetryAfterAndNotForwarded()
    {
        await Server.Services.GetRequiredService<ILimitStore>().UpsertAsync(new LimitPolicy
        {
            TenantId = TenantId,
            Scope = LimitScope.Agent,
            Name = "support-bot",
            RequestsPerSecond = 0.01,
            Burst = 1,
            Concurrency = null,
            DailyQuota = null,
            UpdatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = "test",
        }, Api.Ct);
        await Server.Services.GetRequiredService<CallLimiter>().ReloadAsync(TenantId, Api.Ct);

        var (first, _, _) = await CallAsync(Ticket());
        var (second, body, response) = await CallAsync(Ticket());

        Assert.Equal(200, first);
        Assert.Equal(429, second);
        Assert.Equal("rate_limited", Api.Str(body, "code"));
        Assert.True(response.Headers.RetryAfter?.Delta?.TotalSeconds >= 1, response.Headers.RetryAfter?.ToString());
        Assert.Single(Upstream.Requests);
        Assert.Equal("rate_limited", (await AuditOfAsync(Api.Str(body, "callId"))).Reason);
    }
}
