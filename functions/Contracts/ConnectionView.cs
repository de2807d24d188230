using System.Text.Json;
using Dome.Core.Catalog;

namespace Dome.Functions.Contracts;

/// <summary>A connection as the API shows it: the secret's name, never its value.</summary>
internal sealed record ConnectionView
{
    public required string Name { get; init; }

    public required string BaseUrl { get; init; }

    public required AuthView Auth { get; init; }

    public JsonElement? OutputRules { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public static ConnectionView Of(Connection connection) => new()
    {
        Name = connection.Name,
        BaseUrl = connection.BaseUrl.AbsoluteUri,
        Auth = new AuthView
        {
            Kind = CatalogWireNames.Of(connection.Auth.Kind),
            Secret = connection.Auth.SecretName,
            Header = connection.Auth.HeaderName,
            TokenUrl = connection.Auth.TokenUrl?.AbsoluteUri,
            Scope = connection.Auth.Scope,
        },
        OutputRules = Json.Parse(connection.OutputRules),
        CreatedAt = connection.CreatedAt,
        UpdatedAt = connection.UpdatedAt,
    };
}
