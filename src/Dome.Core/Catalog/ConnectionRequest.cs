using System.Text.Json;

namespace Dome.Core.Catalog;

/// <summary>The body of <c>POST /v1/admin/connections</c> and <c>PUT /v1/admin/connections/{name}</c>.</summary>
public sealed record ConnectionRequest
{
    /// <summary>Required on create; on replace it must be absent or equal to the name in the URL.</summary>
    public string? Name { get; init; }

    public required string BaseUrl { get; init; }

    /// <summary>Absent: no authentication.</summary>
    public AuthRequest? Auth { get; init; }

    /// <summary>Output governance rules, a JSON object (stored verbatim).</summary>
    public JsonElement? OutputRules { get; init; }
}
