using Dome.Core.Catalog;

namespace Dome.Core.Tests.Storage;

internal static class CatalogData
{
    public static Connection Connection(string tenantId, string name) => new()
    {
        TenantId = tenantId,
        Name = name,
        BaseUrl = new Uri("https://" + name + ".example.com/api"),
        Auth = new ConnectionAuth { Kind = AuthKind.Header, SecretName = name + "-key", HeaderName = "X-Api-Key", TokenUrl = null, Scope = null },
        OutputRules = """{"redact":["$.customer.ssn"]}""",
        CreatedAt = TestData.Epoch,
        UpdatedAt = TestData.Epoch,
    };

    public static Tool Tool(string tenantId, string connection, string name) => new()
    {
        TenantId = tenantId,
        Connection = connection,
        Name = name,
        Method = "POST",
        Path = "/v2/tickets/{id}",
        Description = "Create a ticket",
        InputSchema = """{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""",
        Parameters = [new ToolParameter { Name = "id", In = ParameterLocation.Path }, new ToolParameter { Name = "X-Trace", In = ParameterLocation.Header }],
        BodyProperty = null,
        OutputRules = null,
        AuditArguments = true,
        Tags = ["support", "pii"],
        Risk = "high",
        CreatedAt = TestData.Epoch,
        UpdatedAt = TestData.Epoch,
    };
}
