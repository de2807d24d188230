using System.Text.Json;
using Dome.Core.Catalog.Schema;
using Dome.Core.Errors;
using Dome.Core.Registry;

namespace Dome.Core.Catalog;

/// <summary>Checks catalog input; every failure is an invalid-request <see cref="DomeException"/> saying what to fix.</summary>
public static class CatalogValidator
{
    public const int MaxDescriptionLength = 4096;

    public const int MaxOutputRulesBytes = 64 * 1024;

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade",
        "TE", "Trailer", "Proxy-Authorization", "Proxy-Connection", "Cookie", "Dome-User-Assertion",
    };

    public static string Name(string? name, string what) =>
        Names.TryValidate(name, what, out var problem) ? name : throw DomeException.Invalid(problem);

    public static Uri HttpUrl(string? text, string what)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw DomeException.Invalid($"{what} `{text}` must be an absolute http or https URL");
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw DomeException.Invalid($"{what} `{text}` must not carry a query, a fragment or credentials");
        }

        return url;
    }

    public static ConnectionAuth Auth(AuthRequest? request)
    {
        if (request is null)
        {
            return ConnectionAuth.None;
        }

        if (!CatalogWireNames.TryParseAuth(request.Kind, out var kind))
        {
            throw DomeException.Invalid($"unknown auth kind `{request.Kind}`: use none, bearer, header, basic or oauth2-client-credentials");
        }

        if (kind == AuthKind.None)
        {
            return request.Secret is null && request.Header is null && request.TokenUrl is null && request.Scope is null
                ? ConnectionAuth.None
                : throw DomeException.Invalid("auth `none` takes no secret, header, token URL or scope");
        }

        var secret = Name(request.Secret, $"the secret of auth `{request.Kind}`");
        if ((kind == AuthKind.Header) != (request.Header is not null))
        {
            throw DomeException.Invalid(kind == AuthKind.Header ? "auth `header` needs the header name (`header:X-Api-Key`)" : "only auth `header` takes a header name");
        }

        if ((kind == AuthKind.OAuth2ClientCredentials) != (request.TokenUrl is not null) || (request.Scope is not null && kind != AuthKind.OAuth2ClientCredentials))
        {
            throw DomeException.Invalid(kind == AuthKind.OAuth2ClientCredentials
                ? "auth `oauth2-client-credentials` needs a token URL"
                : "only auth `oauth2-client-credentials` takes a token URL and a scope");
        }

        return new ConnectionAuth
        {
            Kind = kind,
            SecretName = secret,
            HeaderName = request.Header is { } header ? HeaderName(header) : null,
            TokenUrl = request.TokenUrl is { } url ? HttpUrl(url, "the token URL") : null,
            Scope = request.Scope is { } scope ? Scope(scope) : null,
        };
    }

    public static string HeaderName(string name)
    {
        if (name.Length is 0 or > 128 || !name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
        {
            throw DomeException.Invalid($"`{name}` is not a valid HTTP header name");
        }

        return ReservedHeaders.Contains(name) ? throw DomeException.Invalid($"the header `{name}` is managed by Dome and cannot carry a credential or argument") : name;
    }

    public static string? OutputRules(JsonElement? rules)
    {
        if (rules is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw DomeException.Invalid("`outputRules` must be a JSON object");
        }

        var text = value.GetRawText();
        return text.Length <= MaxOutputRulesBytes ? text : throw DomeException.Invalid($"`outputRules` is larger than {MaxOutputRulesBytes} bytes");
    }

    public static string Method(string? method)
    {
        var upper = method?.ToUpperInvariant();
        return upper is not null && Methods.Contains(upper) ? upper : throw DomeException.Invalid($"unknown HTTP method `{method}`: use {string.Join(", ", Methods)}");
    }

    /// <summary>A tool path: starts with <c>/</c>, no query or fragment, balanced <c>{name}</c> templates. Returns the template names.</summary>
    public static IReadOnlyList<string> PathTemplates(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal) || path.Any(char.IsWhiteSpace) || path.Length > 2048)
        {
            throw DomeException.Invalid($"the path `{path}` must start with `/` and carry no query, fragment or spaces");
        }

        var names = new List<string>();
        for (var open = path.IndexOf('{', StringComparison.Ordinal); open >= 0; open = path.IndexOf('{', open + 1))
        {
            var close = path.IndexOf('}', open);
            var name = close < 0 ? string.Empty : path[(open + 1)..close];
            if (name.Length == 0 || name.Contains('{', StringComparison.Ordinal))
            {
                throw DomeException.Invalid($"the path `{path}` has an unbalanced or empty `{{name}}` template");
            }

            names.Add(name);
        }

        return path.Count(c => c == '}') == names.Count ? names : throw DomeException.Invalid($"the path `{path}` has an unbalanced `}}`");
    }

    public static string InputSchema(JsonElement? schema)
    {
        if (schema is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return JsonSchema.AnyObject;
        }

        return JsonSchema.Parse(value.GetRawText()).Text;
    }

    public static string Description(string? description) =>
        (description ?? string.Empty).Length <= MaxDescriptionLength ? description ?? string.Empty : throw DomeException.Invalid($"the description is longer than {MaxDescriptionLength} characters");

    public static IReadOnlyList<string> Tags(IReadOnlyList<string>? tags) =>
        tags is null ? [] : tags.Select(t => Name(t, "a tag")).Distinct(StringComparer.Ordinal).ToArray();

    private static string Scope(string scope) =>
        scope.Length <= 1024 && !scope.Any(char.IsControl) ? scope : throw DomeException.Invalid("the scope must be at most 1024 printable characters");
}
