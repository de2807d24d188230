using System.Collections.Frozen;
using Dome.Core.Errors;

namespace Dome.Gateway.Output;

/// <summary>The names of the sensitive-substring detectors in <see cref="OutputRules.Detect"/>.</summary>
public static class Detectors
{
    public const string Secrets = "secrets";
    public const string Pii = "pii";

    private static readonly FrozenDictionary<string, DetectorSet> ByName = new Dictionary<string, DetectorSet>
    {
        [Secrets] = DetectorSet.Secrets,
        [Pii] = DetectorSet.Pii,
        ["email"] = DetectorSet.Email,
        ["phone"] = DetectorSet.Phone,
        ["card"] = DetectorSet.Card,
        ["ssn"] = DetectorSet.Ssn,
        ["api_key"] = DetectorSet.ApiKey,
        ["bearer_token"] = DetectorSet.BearerToken,
        ["private_key"] = DetectorSet.PrivateKey,
        ["credential"] = DetectorSet.Credential,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every accepted name.</summary>
    public static IEnumerable<string> Names => ByName.Keys.Order(StringComparer.Ordinal);

    /// <summary>The wire name of a redaction kind (<c>email</c>, <c>api_key</c>, <c>record</c>…), as the audit event counts it.</summary>
    public static string NameOf(RedactionKind kind) => kind switch
    {
        RedactionKind.Field => "field",
        RedactionKind.Email => "email",
        RedactionKind.Phone => "phone",
        RedactionKind.Card => "card",
        RedactionKind.Ssn => "ssn",
        RedactionKind.ApiKey => "api_key",
        RedactionKind.BearerToken => "bearer_token",
        RedactionKind.PrivateKey => "private_key",
        RedactionKind.Credential => "credential",
        RedactionKind.Record => "record",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static DetectorSet Parse(IReadOnlyList<string> names)
    {
        var set = DetectorSet.None;
        foreach (var name in names)
        {
            if (!ByName.TryGetValue(name, out var one))
            {
                throw DomeException.Invalid($"unknown detector `{name}`: use {string.Join(", ", Names.Select(n => $"`{n}`"))}");
            }

            set |= one;
        }

        return set;
    }
}
