namespace Dome.Core.Catalog;

/// <summary>The lowercase names the API, the CLI and stored records use for the catalog's enums.</summary>
public static class CatalogWireNames
{
    public static string Of(AuthKind kind) => kind switch
    {
        AuthKind.None => "none",
        AuthKind.Bearer => "bearer",
        AuthKind.Header => "header",
        AuthKind.Basic => "basic",
        AuthKind.OAuth2ClientCredentials => "oauth2-client-credentials",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParseAuth(string? text, out AuthKind kind)
    {
        foreach (var candidate in Enum.GetValues<AuthKind>())
        {
            if (Of(candidate) == text)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Of(ParameterLocation location) => location switch
    {
        ParameterLocation.Path => "path",
        ParameterLocation.Query => "query",
        ParameterLocation.Header => "header",
        _ => throw new ArgumentOutOfRangeException(nameof(location)),
    };

    public static bool TryParseLocation(string? text, out ParameterLocation location)
    {
        switch (text)
        {
            case "path": location = ParameterLocation.Path; return true;
            case "query": location = ParameterLocation.Query; return true;
            case "header": location = ParameterLocation.Header; return true;
            default: location = default; return false;
        }
    }
}
