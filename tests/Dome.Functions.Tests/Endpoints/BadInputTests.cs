namespace Dome.Functions.Tests.Endpoints;

/// <summary>Bad input gets a clear 4xx problem and stores nothing: each test compares every table before and after.</summary>
public sealed class BadInputTests : ServerTestBase
{
    public static TheoryData<string, string, int, string> Registrations => new()
    {
        { "unknown tier", """{"name":"a","owner":"o","tier":"admin"}""", 400, "unknown tier `admin`" },
        { "missing tier", """{"name":"a","owner":"o"}""", 400, "tier is required" },
        { "empty name", """{"name":"","owner":"o","tier":"standard"}""", 400, "agent name is required" },
        { "200-character name", $$"""{"name":"{{new string('a', 200)}}","owner":"o","tier":"standard"}""", 400, "at most 64 are allowed" },
        { "uppercase name", """{"name":"Triage","owner":"o","tier":"standard"}""", 400, "must start with a lowercase letter" },
        { "malformed JSON", """{"name":"a","tier":""", 400, "not valid JSON" },
        { "not an object", """["a"]""", 400, "not valid JSON of the expected shape" },
        { "unknown field", """{"name":"a","owner":"o","tier":"standard","color":"red"}""", 400, "not valid JSON of the expected shape" },
        { "empty body", "", 400, "the request body is empty" },
        { "bad tool", """{"name":"a","owner":"o","tier":"standard","tools":["zen desk"]}""", 400, "may contain only" },
        { "bad act-as", """{"name":"a","owner":"o","tier":"standard","requireActAs":"saml"}""", 400, "unknown requireActAs `saml`" },
        { "missing owner", """{"name":"a","tier":"standard"}""", 400, "owner is required" },
        { "unknown workspace", """{"name":"a","owner":"o","tier":"standard","workspace":"nope"}""", 404, "no workspace named `nope`" },
        { "self as parent", """{"name":"a","owner":"o","tier":"standard","allowedParents":["a"]}""", 400, "cannot be its own parent" },
        { "duplicate name", """{"name":"existing","owner":"o","tier":"standard"}""", 409, "already exists in workspace `default`" },
    };

    [Theory]
    [MemberData(nameof(Registrations))]
    public async Task Register_BadInput_Returns4xxProblemAndStoresNothing(string why, string body, int expectedStatus, string expectedDetail)
    {
        using var client = Server.Client(Server.AdminKey);
        await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("existing"));
        await WaitForQuietAsync();
        var before = StoreSnapshot.Take(Server.Database);

        var (status, problem) = await Api.PostAsync(client, "/v1/admin/agents", body);

        Assert.True(expectedStatus == status, $"{why}: expected {expectedStatus}, got {status} {problem?.ToJsonString()}");
        Assert.Contains(expectedDetail, Api.Str(problem, "detail"), StringComparison.Ordinal);
        Assert.NotNull(problem!["code"]);
        Assert.Equal(before, StoreSnapshot.Take(Server.Database));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dome_adm_0000000000000000_wrong")]
    [InlineData("not-a-key")]
    public async Task Register_WrongAdminKey_Returns401AndStoresNothing(string? key)
    {
        var before = StoreSnapshot.Take(Server.Database);
        using var client = Server.Client(key);

        var (status, problem) = await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("a"));

        Assert.Equal((401, "unauthenticated"), (status, Api.Str(problem, "code")));
        Assert.Equal(before, StoreSnapshot.Take(Server.Database));
    }

    [Fact]
    public async Task Register_AdminKeyWithOneCharacterChanged_Returns401()
    {
        var key = Server.AdminKey;
        var tampered = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');
        using var client = Server.Client(tampered);

        var (status, _) = await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("a"));

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Register_BodyOverOneMegabyte_Returns413AndStoresNothing()
    {
        var before = StoreSnapshot.Take(Server.Database);
        using var client = Server.Client(Server.AdminKey);
        var huge = $$"""{"name":"a","owner":"{{new string('o', 2 * 1024 * 1024)}}","tier":"standard"}""";

        var (status, problem) = await Api.PostAsync(client, "/v1/admin/agents", huge);

        Assert.Equal((413, "payload_too_large"), (status, Api.Str(problem, "code")));
        Assert.Equal(before, StoreSnapshot.Take(Server.Database));
    }

    [Fact]
    public async Task Transition_UnknownAgentOrAction_Returns404()
    {
        using var client = Server.Client(Server.AdminKey);
        await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("triage"));

        var (missing, problem) = await Api.PostAsync(client, "/v1/admin/agents/ghost/activate");
        var (unknown, problem2) = await Api.PostAsync(client, "/v1/admin/agents/triage/explode");

        Assert.Equal((404, 404), (missing, unknown));
        Assert.Contains("no agent named `ghost`", Api.Str(problem, "detail"), StringComparison.Ordinal);
        Assert.Contains("unknown lifecycle action `explode`", Api.Str(problem2, "detail"), StringComparison.Ordinal);
    }
}
