using Dome.Core.Limits;
using Dome.Functions.Tests.Identity;
using Dome.Gateway.Limits;
using Microsoft.Extensions.DependencyInjection;
using IdentityTokens = Dome.Functions.Tests.Identity.Tokens;

namespace Dome.Functions.Tests.Gateway;

/// <summary>
/// Limits per customer: the customer is a claim of the act-as user's ID token (the identity provider names the claim),
/// carried in Dome's token, and counted apart for each customer; a call without a user has no customer limit.
/// </summary>
public sealed class CustomerLimitsTests : GatewayTestBase
{
    [Fact]
    public async Task Call_TwoCustomersOfOneAgent_CountInSeparateBuckets()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        await TrustAsync(idp, customerClaim: "org_id");
        await LimitEveryCustomerAsync();
        var acme = await ActAsTokenAsync(idp, "alice", "acme");
        var acmeToo = await ActAsTokenAsync(idp, "carol", "acme");
        var globex = await ActAsTokenAsync(idp, "bob", "globex");

        var (first, _, _) = await CallAsync(Ticket(), token: acme);
        var (sameCustomer, refused, _) = await CallAsync(Ticket(), token: acmeToo);
        var (otherCustomer, _, _) = await CallAsync(Ticket(), token: globex);

        Assert.Equal(200, first);
        Assert.Equal(429, sameCustomer);
        Assert.Equal("rate_limited", Api.Str(refused, "code"));
        Assert.Contains("customer `acme`", Api.Str(refused, "detail"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, otherCustomer);
        Assert.Equal(2, Upstream.Requests.Count);
    }

    [Fact]
    public async Task Call_WithoutAUser_HasNoCustomerLimit()
    {
        await LimitEveryCustomerAsync();

        var (first, _, _) = await CallAsync(Ticket());
        var (second, body, _) = await CallAsync(Ticket());

        Assert.Equal(200, first);
        Assert.True(second == 200, body?.ToJsonString());
        Assert.Equal(2, Upstream.Requests.Count);
    }

    [Fact]
    public async Task Call_UserWithoutTheClaim_HasNoCustomerLimit()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        await TrustAsync(idp, customerClaim: null);
        await LimitEveryCustomerAsync();
        // The provider's claim is `customer` (the default); this token carries only `org_id`.
        var token = await ActAsTokenAsync(idp, "alice", "acme", claim: "org_id");

        var (first, _, _) = await CallAsync(Ticket(), token: token);
        var (second, _, _) = await CallAsync(Ticket(), token: token);

        Assert.Equal(200, first);
        Assert.Equal(200, second);
    }

    [Fact]
    public async Task Call_DefaultCustomerClaim_IsCustomerAndNamedLimitsApply()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        await TrustAsync(idp, customerClaim: null);
        await LimitAsync("acme");
        var acme = await ActAsTokenAsync(idp, "alice", "acme", claim: "customer");
        var initech = await ActAsTokenAsync(idp, "bob", "initech", claim: "customer");

        var results = new List<int>();
        foreach (var token in new[] { acme, acme, initech, initech })
        {
            results.Add((await CallAsync(Ticket(), token: token)).Status);
        }

        // Only `acme` has a limit of its own, and there is no `*` limit: initech is not limited.
        Assert.Equal([200, 429, 200, 200], results);
    }

    [Fact]
    public async Task Exchange_CustomerClaimThatIsAList_IsRefused()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        await TrustAsync(idp, customerClaim: "org_id");
        var idToken = idp.IdToken("alice", claims: new Dictionary<string, object> { ["org_id"] = new[] { "acme", "globex" } });

        var (status, body) = await IdentityTokens.ExchangeAsync(Server, IdentityTokens.ActAs(idToken, ApiKey));

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", Api.Str(body, "error"));
        Assert.Contains("`org_id`", Api.Str(body, "error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddIdentityProvider_InvalidCustomerClaim_Is400AndNothingStored()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        using var admin = Server.Client(Server.AdminKey);

        var (status, body) = await Api.PostAsync(admin, "/v1/admin/identity-providers",
            new { name = "corp", issuer = idp.Issuer, jwksUri = idp.JwksUri, audience = TestIdentityProvider.ClientId, customerClaim = "org id" });
        var (_, list) = await Api.GetAsync(admin, "/v1/admin/identity-providers");

        Assert.Equal(400, status);
        Assert.Contains("`customerClaim`", Api.Str(body, "detail"), StringComparison.Ordinal);
        Assert.Empty(list!.AsArray());
    }

    private async Task TrustAsync(TestIdentityProvider idp, string? customerClaim)
    {
        using var admin = Server.Client(Server.AdminKey);
        var (status, body) = await Api.PostAsync(admin, "/v1/admin/identity-providers",
            new { name = "corp", issuer = idp.Issuer, jwksUri = idp.JwksUri, audience = TestIdentityProvider.ClientId, customerClaim });
        Assert.True(status == 201, body?.ToJsonString());
        Assert.Equal(customerClaim ?? "customer", Api.Str(body, "customerClaim"));
    }

    private Task<string> ActAsTokenAsync(TestIdentityProvider idp, string user, string customer, string claim = "org_id") =>
        IdentityTokens.TokenAsync(Server, IdentityTokens.ActAs(idp.IdToken(user, claims: new Dictionary<string, object> { [claim] = customer }), ApiKey));

    private Task LimitEveryCustomerAsync() => LimitAsync(LimitScopes.Any);

    private async Task LimitAsync(string customer)
    {
        await Server.Services.GetRequiredService<ILimitStore>().UpsertAsync(new LimitPolicy
        {
            TenantId = TenantId,
            Scope = LimitScope.Customer,
            Name = customer,
            RequestsPerSecond = 0.001,
            Burst = 1,
            Concurrency = null,
            DailyQuota = null,
            UpdatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = "test",
        }, Api.Ct);
        await Server.Services.GetRequiredService<CallLimiter>().ReloadAsync(TenantId, Api.Ct);
    }
}
