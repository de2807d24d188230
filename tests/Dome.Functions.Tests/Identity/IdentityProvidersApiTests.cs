namespace Dome.Functions.Tests.Identity;

public sealed class IdentityProvidersApiTests : ServerTestBase
{
    [Fact]
    public async Task AddListRemove_RoundTrips()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        using var admin = Server.Client(Server.AdminKey);

        var (added, provider) = await Api.PostAsync(admin, "/v1/admin/identity-providers", new { name = "corp", issuer = idp.Issuer, jwksUri = idp.JwksUri, audience = "app" });
        var (_, list) = await Api.GetAsync(admin, "/v1/admin/identity-providers");
        var (removed, _) = await Api.SendAsync(admin, HttpMethod.Delete, "/v1/admin/identity-providers/corp");
        var (_, after) = await Api.GetAsync(admin, "/v1/admin/identity-providers");
        var (again, _) = await Api.SendAsync(admin, HttpMethod.Delete, "/v1/admin/identity-providers/corp");

        Assert.Equal((201, "corp", idp.Issuer, idp.JwksUri, "app"), (added, Api.Str(provider, "name"), Api.Str(provider, "issuer"), Api.Str(provider, "jwksUri"), Api.Str(provider, "audience")));
        Assert.Equal(["corp"], list!.AsArray().Select(p => Api.Str(p, "name")));
        Assert.Equal(204, removed);
        Assert.Empty(after!.AsArray());
        Assert.Equal(404, again);
    }

    [Fact]
    public async Task Add_InlineJwks_ActAsVerifiesAgainstIt()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        using var admin = Server.Client(Server.AdminKey);
        var jwks = System.Text.Json.Nodes.JsonNode.Parse(idp.Jwks);
        var (added, _) = await Api.PostAsync(admin, "/v1/admin/identity-providers", new { name = "corp", issuer = idp.Issuer, jwks, audience = TestIdentityProvider.ClientId });
        var apiKey = await Tokens.ActiveAgentAsync(Server, "assistant", requireActAs: "oidc");
        await idp.DisposeAsync();

        var token = await Tokens.TokenAsync(Server, Tokens.ActAs(idp.IdToken("bob"), apiKey));

        Assert.Equal(201, added);
        Assert.Equal("bob", Api.Str(Tokens.Payload(token)["user"], "sub"));
    }

    [Theory]
    [InlineData("{\"name\":\"corp\",\"issuer\":\"https://idp.example.com\",\"audience\":\"app\"}")]
    [InlineData("{\"name\":\"corp\",\"issuer\":\"https://idp.example.com\",\"jwksUri\":\"https://idp.example.com/keys\",\"jwks\":{\"keys\":[]},\"audience\":\"app\"}")]
    [InlineData("{\"name\":\"corp\",\"issuer\":\"https://idp.example.com\",\"jwksUri\":\"http://idp.example.com/keys\",\"audience\":\"app\"}")]
    [InlineData("{\"name\":\"corp\",\"issuer\":\"not a url\",\"jwksUri\":\"https://idp.example.com/keys\",\"audience\":\"app\"}")]
    [InlineData("{\"name\":\"Corp!\",\"issuer\":\"https://idp.example.com\",\"jwksUri\":\"https://idp.example.com/keys\",\"audience\":\"app\"}")]
    [InlineData("{\"name\":\"corp\",\"issuer\":\"https://idp.example.com\",\"jwksUri\":\"https://idp.example.com/keys\"}")]
    [InlineData("{\"name\":\"corp\",\"issuer\":\"https://idp.example.com\",\"jwks\":{\"keys\":[]},\"audience\":\"app\"}")]
    [InlineData("{\"name\":\"corp\",\"issuer\":\"https://idp.example.com\",\"jwks\":[1,2],\"audience\":\"app\"}")]
    public async Task Add_Invalid_Is400AndStoresNothing(string body)
    {
        using var admin = Server.Client(Server.AdminKey);
        var before = StoreSnapshot.Take(Server.Database);

        var (status, problem) = await Api.PostAsync(admin, "/v1/admin/identity-providers", body);

        Assert.Equal((400, "invalid_request"), (status, Api.Str(problem, "code")));
        Assert.Equal(before, StoreSnapshot.Take(Server.Database));
    }

    [Fact]
    public async Task Add_SameNameOrIssuerTwice_Is409()
    {
        using var admin = Server.Client(Server.AdminKey);
        await Api.PostAsync(admin, "/v1/admin/identity-providers", new { name = "corp", issuer = "https://idp.example.com", jwksUri = "https://idp.example.com/keys", audience = "app" });

        var (sameName, _) = await Api.PostAsync(admin, "/v1/admin/identity-providers", new { name = "corp", issuer = "https://other.example.com", jwksUri = "https://other.example.com/keys", audience = "app" });
        var (sameIssuer, _) = await Api.PostAsync(admin, "/v1/admin/identity-providers", new { name = "corp2", issuer = "https://idp.example.com", jwksUri = "https://idp.example.com/keys", audience = "app" });

        Assert.Equal((409, 409), (sameName, sameIssuer));
    }
}
