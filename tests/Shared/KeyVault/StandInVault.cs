using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Dome.Testing.KeyVault;

/// <summary>The stand-in's vault: live secrets with their versions and soft-deleted ones, answering Key Vault's REST calls.</summary>
public sealed partial class StandInVault(Uri vaultUri)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<Version>> live = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (List<Version> Versions, DateTimeOffset DeletedAt)> deleted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Secrets per list page (Key Vault's is up to 25): small, so clients must follow <c>nextLink</c>.</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>The live secrets' names, for tests that look at what the vault holds.</summary>
    public IReadOnlyList<string> Names()
    {
        lock (gate)
        {
            return [.. live.Keys.Order(StringComparer.Ordinal)];
        }
    }

    public string? LatestValue(string name)
    {
        lock (gate)
        {
            return live.TryGetValue(name, out var versions) ? versions[^1].Value : null;
        }
    }

    public bool IsSoftDeleted(string name)
    {
        lock (gate)
        {
            return deleted.ContainsKey(name);
        }
    }

    public static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public (int Status, JsonObject? Body) Handle(string method, string[] path, IQueryCollection query, JsonObject? body)
    {
        lock (gate)
        {
            return (method, path) switch
            {
                ("PUT", ["secrets", var name]) => Set(name, body),
                ("GET", ["secrets"]) => Page(live.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => Item(s.Key, s.Value[^1], versioned: false)), "secrets", query),
                ("GET", ["secrets", var name, "versions"]) => live.TryGetValue(name, out var versions)
                    ? Page(versions.Select(v => Item(name, v, versioned: true)), $"secrets/{name}/versions", query)
                    : NotFound(name),
                ("GET", ["secrets", var name]) => Get(name, null),
                ("GET", ["secrets", var name, var version]) => Get(name, version),
                ("DELETE", ["secrets", var name]) => Delete(name),
                ("GET", ["deletedsecrets", var name]) => deleted.TryGetValue(name, out var gone) ? (200, Deleted(name, gone.Versions[^1], gone.DeletedAt)) : NotFound(name),
                ("POST", ["deletedsecrets", var name, "recover"]) => Recover(name),
                ("DELETE", ["deletedsecrets", var name]) => deleted.Remove(name) ? (204, null) : NotFound(name),
                _ => (400, Error("BadParameter", $"the stand-in does not serve {method} /{string.Join('/', path)}")),
            };
        }
    }

    private (int, JsonObject?) Set(string name, JsonObject? body)
    {
        if (!ValidName().IsMatch(name))
        {
            return (400, Error("BadParameter", "The request URI contains an invalid name: " + name));
        }

        if (body?["value"]?.GetValue<string>() is not { } value)
        {
            return (400, Error("BadParameter", "Property value is required."));
        }

        if (deleted.ContainsKey(name))
        {
            return (409, Error("Conflict", $"Secret {name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged."));
        }

        var now = DateTimeOffset.UtcNow;
        var tags = body["tags"] as JsonObject;
        var version = new Version
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Value = value,
            ContentType = body["contentType"]?.GetValue<string>(),
            Tags = tags?.ToDictionary(t => t.Key, t => t.Value?.GetValue<string>() ?? string.Empty) ?? [],
            Enabled = body["attributes"]?["enabled"]?.GetValue<bool>() ?? true,
            Created = now,
        };
        if (!live.TryGetValue(name, out var versions))
        {
            live[name] = versions = [];
        }

        versions.Add(version);
        return (200, Bundle(name, version, withValue: true));
    }

    private (int, JsonObject?) Get(string name, string? version)
    {
        if (!live.TryGetValue(name, out var versions))
        {
            return NotFound(name);
        }

        var found = version is null ? versions[^1] : versions.FirstOrDefault(v => v.Id == version);
        return found is null ? NotFound(name) : (200, Bundle(name, found, withValue: true));
    }

    private (int, JsonObject?) Delete(string name)
    {
        if (!live.Remove(name, out var versions))
        {
            return NotFound(name);
        }

        var at = DateTimeOffset.UtcNow;
        deleted[name] = (versions, at);
        return (200, Deleted(name, versions[^1], at));
    }

    private (int, JsonObject?) Recover(string name)
    {
        if (!deleted.Remove(name, out var gone))
        {
            return NotFound(name);
        }

        live[name] = gone.Versions;
        return (200, Bundle(name, gone.Versions[^1], withValue: false));
    }

    private (int, JsonObject?) Page(IEnumerable<JsonObject> items, string path, IQueryCollection query)
    {
        var skip = int.TryParse(query["$skiptoken"], out var s) ? s : 0;
        var all = items.ToList();
        var page = all.Skip(skip).Take(PageSize).ToList();
        var next = skip + page.Count < all.Count ? $"{vaultUri}{path}?api-version={query["api-version"]}&$skiptoken={skip + page.Count}" : null;
        return (200, new JsonObject { ["value"] = new JsonArray([.. page]), ["nextLink"] = next });
    }

    private JsonObject Bundle(string name, Version version, bool withValue)
    {
        var bundle = Item(name, version, versioned: true);
        if (withValue)
        {
            bundle["value"] = version.Value;
        }

        return bundle;
    }

    private JsonObject Deleted(string name, Version version, DateTimeOffset at)
    {
        var bundle = Bundle(name, version, withValue: false);
        bundle["recoveryId"] = $"{vaultUri}deletedsecrets/{name}";
        bundle["deletedDate"] = at.ToUnixTimeSeconds();
        bundle["scheduledPurgeDate"] = at.AddDays(90).ToUnixTimeSeconds();
        return bundle;
    }

    private JsonObject Item(string name, Version version, bool versioned) => new()
    {
        ["id"] = versioned ? $"{vaultUri}secrets/{name}/{version.Id}" : $"{vaultUri}secrets/{name}",
        ["contentType"] = version.ContentType,
        ["attributes"] = new JsonObject
        {
            ["enabled"] = version.Enabled,
            ["created"] = version.Created.ToUnixTimeSeconds(),
            ["updated"] = version.Created.ToUnixTimeSeconds(),
            ["recoveryLevel"] = "Recoverable",
            ["recoverableDays"] = 90,
        },
        ["tags"] = new JsonObject([.. version.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))]),
    };

    private static (int, JsonObject?) NotFound(string name) => (404, Error("SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault."));

    [GeneratedRegex("^[0-9a-zA-Z-]{1,127}$")]
    private static partial Regex ValidName();

    private sealed record Version
    {
        public required string Id { get; init; }

        public required string Value { get; init; }

        public required string? ContentType { get; init; }

        public required Dictionary<string, string> Tags { get; init; }

        public required bool Enabled { get; init; }

        public required DateTimeOffset Created { get; init; }
    }
}
