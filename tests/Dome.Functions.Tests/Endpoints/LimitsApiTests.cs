using Dome.Core.Limits;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Endpoints;

/// <summary><c>/v1/admin/limits</c> on a real server: set, read, replace, remove, bad input and tenant isolation.</summary>
public sealed class LimitsApiTests : ServerTestBase
{
    [Fact]
    public async Task Set_ThenShowAndList_ReturnsTheLimits()
    {
        using var admin = Server.Client(Server.AdminKey);

        var (status, body) = await Api.SendAsync(admin, HttpMethod.Put, "/v1/admin/limits/agent/triage", new { rps = 2.5, burst = 5, concurrency = 3, dailyQuota = 1000 });

        Assert.Equal(200, status);
        Assert.Equal(("agent", "triage", 2.5, 5, 3, 1000L), (Api.Str(body, "scope"), Api.Str(body, "name"), body!["rps"]!.GetValue<double>(),
            body["burst"]!.GetValue<int>(), body["concurrency"]!.GetValue<int>(), body["dailyQuota"]!.GetValue<long>()));
        Assert.Equal(0, body["usedToday"]!.GetValue<long>());
        Assert.StartsWith("admin:", Api.Str(body, "updatedBy"), StringComparison.Ordinal);
        var shown = (await Api.GetAsync(admin, "/v1/admin/limits/agent/triage")).Body;
        Assert.Equal(body.ToJsonString(), shown!.ToJsonString());
        var listed = Assert.Single((await Api.GetAsync(admin, "/v1/admin/limits")).Body!.AsArray());
        Assert.Equal(body.ToJsonString(), listed!.ToJsonString());
    }

    [Fact]
    public async Task Set_ToolConnectionWildcardAndTenant_AllStoredUnderTheirNames()
    {
        using var admin = Server.Client(Server.AdminKey);

        Assert.Equal(200, (await Api.SendAsync(admin, HttpMethod.Put, "/v1/admin/limits/tool/zendesk/create_ticket", new { rps = 1 })).Status);
        Assert.Equal(200, (await Api.SendAsync(admin, HttpMethod.Put, "/v1/admin/limits/tool/zendesk", new { concurrency = 4 })).Status);
        Assert.Equal(200, (await Api.SendAsync(admin, HttpMethod.Put, "/v1/admin/limits/customer/*", new { dailyQuota = 50 })).Status);
        Assert.Equal(200, (await Api.SendAsync(admin, HttpMethod.Put, "/v1/admin/limits/tenant/*", new { rps = 100, burst = 200 })).Status);

        var all = (await Api.GetAsync(admin, "/v1/admin/limits")).Body!.AsArray();
        Assert.Equal(["tenant *", "customer *", "tool zendesk", "tool zendesk/create_ticket"], all.Select(l => $"{Api.Str(l, "scope")} {Api.Str(l, "name")}"));
        Assert.Equal("zendesk/create_ticket", Api.Str((await Api.GetAsync(admin, "/v1/admin/limits/tool/zendesk/create_ticket")).Body, "name"));
    }

    [Fact]
    public async Task Set_Again_ReplacesEveryMember_AndTheLimiterSeesItAtOnce()
    {
        using var admin = Server.Client(Server.AdminKey);
        await Api.SendAsync(admin, HttpMethod.Put, "/v1/admin/limits/agent/triage", new { rps = 1, burst = 1, dailyQuota = 5 });

        var (_, body) = await Api.SendAsync(admin, HttpMethod.Put, "/v1/admin/limits/agent/triage", new { concurrency = 2 });

        Assert.Null(body!["rps"]);
        Assert.Null(body["dailyQuota"]);
        Assert.Equal(2, body["concurrency"]!.GetValue<int>());
        var limiter = Server.Services.GetRequiredService<Dome.Gateway.Limits.CallLimiter>();
        var tenant = await TenantIdAsync();
        using var one = await limiter.AcquireAsync(new(tenant, "triage", null, "zendesk/x"), Api.Ct);
        using var two = await limiter.AcquireAsync(new(tenant, "triage", null, "zendesk/x"), Api.Ct);
        using var three = await limiter.AcquireAsync(new(tenant, "triage", null, "zendesk/x"), Api.Ct);
        Assert.Equal((true, true, false), (one.IsAllowed, two.IsAllowed, three.IsAllowed));
    }

    [Fact]
    public async Task Remove_Existing_204ThenGone_Missing404()
    {
        using var admin = Server.Client(Server.AdminKey);
        await Api.SendAsync(admin, HttpMethod.Put, "/v1/admin/limits/customer/cust-1", new { dailyQuota = 10 });

        Assert.Equal(204, (await Api.SendAsync(admin, HttpMethod.Delete, "/v1/admin/limits/customer/cust-1")).Status);

        var (status, problem) = await Api.SendAsync(admin, HttpMethod.Delete, "/v1/admin/limits/customer/cust-1");
        Assert.Equal(404, status);
        Assert.Equal("not_found", Api.Str(problem, "code"));
        Assert.Equal(404, (await Api.GetAsync(admin, "/v1/admin/limits/customer/cust-1")).Status);
    }

    [Theory]
    [InlineData("/v1/admin/limits/planet/x", """{"rps":1}""", "unknown limit scope `planet`")]
    [InlineData("/v1/admin/limits/agent/Bad Name", """{"rps":1}""", "agent name")]
    [InlineData("/v1/admin/limits/tool/a/b/c", """{"rps":1}""", "must be `connection` or `connection/tool`")]
    [InlineData("/v1/admin/limits/tenant/acme", """{"rps":1}""", "whole tenant")]
    [InlineData("/v1/admin/limits/agent/triage", """{}""", "at least one of")]
    [InlineData("/v1/admin/limits/agent/triage", """{"rps":0}""", "`rps` is 0")]
    [InlineData("/v1/admin/limits/agent/triage", """{"rps":-1}""", "`rps` is -1")]
    [InlineData("/v1/admin/limits/agent/triage", """{"burst":5,"concurrency":1}""", "`burst` needs `rps`")]
    [InlineData("/v1/admin/limits/agent/triage", """{"rps":1,"burst":0}""", "`burst` is 0")]
    [InlineData("/v1/admin/limits/agent/triage", """{"concurrency":0}""", "`concurrency` is 0")]
    [InlineData("/v1/admin/limits/agent/triage", """{"dailyQuota":0}""", "`dailyQuota` is 0")]
    [InlineData("/v1/admin/limits/agent/triage", """{"rps":"fast"}""", "")]
    [InlineData("/v1/admin/limits/agent/triage", """{"rsp":1}""", "rsp")]
    [InlineData("/v1/admin/limits/agent/triage", """not json""", "")]
    public async Task Set_BadInput_400ProblemAndNothingStored(string path, string body, string detail)
    {
        using var admin = Server.Client(Server.AdminKey);

        var (status, problem) = await Api.SendAsync(admin, HttpMethod.Put, path, body);

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", Api.Str(problem, "code"));
        Assert.Contains(detail, Api.Str(problem, "detail"), StringComparison.Ordinal);
        Assert.Empty(await Server.Services.GetRequiredService<ILimitStore>().ListAsync(await TenantIdAsync(), Api.Ct));
    }

    [Fact]
    public async Task EveryLimitsRoute_OtherTenantsKey_SeesAndChangesNothingOfThisTenant()
    {
        using var owner = Server.Client(Server.AdminKey);
        await Api.SendAsync(owner, HttpMethod.Put, "/v1/admin/limits/agent/triage", new { rps = 5 });
        using var operatorClient = Server.Client(Server.OperatorKey);
        var other = (await Api.PostAsync(operatorClient, "/v1/operator/tenants", new { name = "other" })).Body;
        using var intruder = Server.Client(Api.Str(other, "adminKey"));
        var before = (await Api.GetAsync(owner, "/v1/admin/limits")).Body!.ToJsonString();

        Assert.Empty((await Api.GetAsync(intruder, "/v1/admin/limits")).Body!.AsArray());
        Assert.Equal(404, (await Api.GetAsync(intruder, "/v1/admin/limits/agent/triage")).Status);
        Assert.Equal(404, (await Api.SendAsync(intruder, HttpMethod.Delete, "/v1/admin/limits/agent/triage")).Status);
        Assert.Equal(200, (await Api.SendAsync(intruder, HttpMethod.Put, "/v1/admin/limits/agent/triage", new { rps = 1 })).Status);
        Assert.Equal(204, (await Api.SendAsync(intruder, HttpMethod.Delete, "/v1/admin/limits/agent/triage")).Status);

        Assert.Equal(before, (await Api.GetAsync(owner, "/v1/admin/limits")).Body!.ToJsonString());
    }

    [Fact]
    public async Task Limits_WithoutAnAdminKey_Refused()
    {
        using var anonymous = Server.Client();
        using var operatorClient = Server.Client(Server.OperatorKey);

        Assert.Equal(401, (await Api.GetAsync(anonymous, "/v1/admin/limits")).Status);
        Assert.Equal(401, (await Api.SendAsync(anonymous, HttpMethod.Put, "/v1/admin/limits/agent/triage", new { rps = 1 })).Status);
        Assert.NotEqual(200, (await Api.GetAsync(operatorClient, "/v1/admin/limits")).Status);
    }

    [Fact]
    public async Task DailyQuota_UsedBeforeRestart_StillCountedAfter()
    {
        using (var admin = Server.Client(Server.AdminKey))
        {
            await Api.SendAsync(admin, HttpMethod.Put, "/v1/admin/limits/agent/triage", new { dailyQuota = 3 });
        }

        var tenant = await TenantIdAsync();
        var limiter = Server.Services.GetRequiredService<Dome.Gateway.Limits.CallLimiter>();
        for (var i = 0; i < 2; i++)
        {
            using var decision = await limiter.AcquireAsync(new(tenant, "triage", null, "zendesk/x"), Api.Ct);
            Assert.True(decision.IsAllowed);
        }

        await RestartAsync();

        using var client = Server.Client(Server.AdminKey);
        Assert.Equal(2, (await Api.GetAsync(client, "/v1/admin/limits/agent/triage")).Body!["usedToday"]!.GetValue<long>());
        limiter = Server.Services.GetRequiredService<Dome.Gateway.Limits.CallLimiter>();
        using var third = await limiter.AcquireAsync(new(tenant, "triage", null, "zendesk/x"), Api.Ct);
        using var fourth = await limiter.AcquireAsync(new(tenant, "triage", null, "zendesk/x"), Api.Ct);
        Assert.Equal((true, false), (third.IsAllowed, fourth.IsAllowed));
    }

    private async Task<string> TenantIdAsync()
    {
        using var admin = Server.Client(Server.AdminKey);
        return Api.Str((await Api.GetAsync(admin, "/v1/admin/tenant")).Body, "id");
    }
}
