namespace Dome.Functions.Tests.Endpoints.Catalog;

/// <summary>Bad catalog input gets a clear 4xx problem with a stable code and stores nothing.</summary>
public sealed class CatalogBadInputTests : ServerTestBase
{
    public static TheoryData<string, string, string, string, int, string> Cases => new()
    {
        { "relative base URL", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"/x"}""", 400, "absolute http or https URL" },
        { "ftp base URL", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"ftp://x"}""", 400, "absolute http or https URL" },
        { "base URL with credentials", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"https://u:p@x"}""", 400, "credentials" },
        { "bad connection name", "POST", "/v1/admin/connections", """{"name":"Zen Desk","baseUrl":"https://x"}""", 400, "must start with a lowercase" },
        { "unknown auth", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"https://x","auth":{"kind":"kerberos","secret":"s"}}""", 400, "unknown auth kind `kerberos`" },
        { "bearer without secret", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"https://x","auth":{"kind":"bearer"}}""", 400, "is required" },
        { "header without name", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"https://x","auth":{"kind":"header","secret":"s"}}""", 400, "needs the header name" },
        { "reserved header", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"https://x","auth":{"kind":"header","secret":"s","header":"Host"}}""", 400, "managed by Dome" },
        { "oauth2 without token URL", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"https://x","auth":{"kind":"oauth2-client-credentials","secret":"s"}}""", 400, "needs a token URL" },
        { "none with secret", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"https://x","auth":{"kind":"none","secret":"s"}}""", 400, "takes no secret" },
        { "output rules not an object", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"https://x","outputRules":[1]}""", 400, "must be a JSON object" },
        { "unknown field", "POST", "/v1/admin/connections", """{"name":"a","baseUrl":"https://x","password":"p"}""", 400, "expected shape" },
        { "duplicate connection", "POST", "/v1/admin/connections", """{"name":"existing","baseUrl":"https://x"}""", 409, "already exists" },
        { "rename on replace", "PUT", "/v1/admin/connections/existing", """{"name":"other","baseUrl":"https://x"}""", 400, "cannot be renamed" },
        { "replace missing", "PUT", "/v1/admin/connections/missing", """{"baseUrl":"https://x"}""", 404, "no connection `missing`" },
        { "tool without slash", "POST", "/v1/admin/tools", """{"tool":"existing","method":"GET","path":"/x"}""", 400, "connection/tool" },
        { "tool of missing connection", "POST", "/v1/admin/tools", """{"tool":"missing/t","method":"GET","path":"/x"}""", 404, "no connection `missing`" },
        { "unknown method", "POST", "/v1/admin/tools", """{"tool":"existing/t","method":"FETCH","path":"/x"}""", 400, "unknown HTTP method" },
        { "path without slash", "POST", "/v1/admin/tools", """{"tool":"existing/t","method":"GET","path":"x"}""", 400, "must start with `/`" },
        { "path with query", "POST", "/v1/admin/tools", """{"tool":"existing/t","method":"GET","path":"/x?a=1"}""", 400, "no query" },
        { "unbalanced template", "POST", "/v1/admin/tools", """{"tool":"existing/t","method":"GET","path":"/x/{id"}""", 400, "unbalanced" },
        { "schema not an object schema", "POST", "/v1/admin/tools", """{"tool":"existing/t","method":"GET","path":"/x","inputSchema":{"type":"array"}}""", 400, "must describe a JSON object" },
        { "schema with $ref", "POST", "/v1/admin/tools", """{"tool":"existing/t","method":"GET","path":"/x","inputSchema":{"type":"object","properties":{"a":{"$ref":"#/x"}}}}""", 400, "`$ref`" },
        { "duplicate tool", "POST", "/v1/admin/tools", """{"tool":"existing/existing","method":"GET","path":"/x"}""", 409, "already exists" },
        { "openapi yaml, malformed", "POST", "/v1/admin/connections/existing/import-openapi", "openapi: 3.0.0\npaths: [", 400, "not valid at line 3, column 1" },
        { "openapi broken", "POST", "/v1/admin/connections/existing/import-openapi", """{"openapi":"3.1.0",""", 400, "cannot be read" },
        { "openapi unknown include", "POST", "/v1/admin/connections/existing/import-openapi?include=nope", CatalogSamples.OpenApi, 400, "no operation `nope`" },
        { "openapi missing connection", "POST", "/v1/admin/connections/missing/import-openapi", CatalogSamples.OpenApi, 404, "no connection `missing`" },
        { "empty secret", "PUT", "/v1/admin/secrets/s", """{"value":""}""", 400, "secret value is empty" },
        { "bad secret name", "PUT", "/v1/admin/secrets/Bad%20Name", """{"value":"v"}""", 400, "must start with a lowercase" },
        { "secret missing value", "PUT", "/v1/admin/secrets/s", """{"secret":"v"}""", 400, "expected shape" },
        { "remove missing secret", "DELETE", "/v1/admin/secrets/missing", "", 404, "no secret `missing`" },
        { "remove missing tool", "DELETE", "/v1/admin/tools/existing/missing", "", 404, "no tool `existing/missing`" },
        { "remove missing connection", "DELETE", "/v1/admin/connections/missing", "", 404, "no connection `missing`" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CatalogRoute_BadInput_Returns4xxProblemAndStoresNothing(string why, string method, string path, string body, int expectedStatus, string expectedDetail)
    {
        using var client = Server.Client(Server.AdminKey);
        await Api.PostAsync(client, "/v1/admin/connections", """{"name":"existing","baseUrl":"https://x.example.com"}""");
        await Api.PostAsync(client, "/v1/admin/tools", """{"tool":"existing/existing","method":"GET","path":"/x"}""");
        var before = StoreSnapshot.Take(Server.Database);

        var (status, problem) = await Api.SendAsync(client, new HttpMethod(method), path, body.Length == 0 ? null : body);

        Assert.True(expectedStatus == status, $"{why}: expected {expectedStatus}, got {status} {problem?.ToJsonString()}");
        Assert.Contains(expectedDetail, Api.Str(problem, "detail"), StringComparison.Ordinal);
        Assert.NotNull(problem!["code"]);
        Assert.Equal(before, StoreSnapshot.Take(Server.Database));
    }
}
