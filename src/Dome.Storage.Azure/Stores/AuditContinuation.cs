using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dome.Core.Audit;
using Dome.Core.Errors;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Where the next audit page starts: the day partition and event row of the last event returned, and a fingerprint of
/// the query's filters, so a token is only accepted for the query it was issued for. Opaque to callers (base64url).
/// </summary>
internal readonly record struct AuditContinuation(DateOnly Day, string Row)
{
    private const string Version = "t1";

    public static string Encode(DateOnly day, string row, string fingerprint)
    {
        var text = string.Join('\n', Version, StoreKeyParts.Day(day), fingerprint, row);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <exception cref="DomeException">The token is not one this store issued for a query with these filters.</exception>
    public static AuditContinuation Decode(string token, string fingerprint)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('\n', 4);
            if (parts is [Version, var dayText, var issuedFor, var row]
                && StoreKeyParts.TryParseDay(dayText, out var day)
                && row.StartsWith("e|", StringComparison.Ordinal))
            {
                return issuedFor == fingerprint
                    ? new AuditContinuation(day, row)
                    : throw DomeException.Invalid("the continuation token belongs to a query with other filters: repeat the filters of the first page unchanged");
            }
        }
        catch (FormatException)
        {
        }

        throw DomeException.Invalid("the continuation token is not one this server issued: pass the `continuationToken` of the previous page unchanged");
    }

    /// <summary>A short digest of the tenant and every filter of <paramref name="query"/> (not its page size or token).</summary>
    public static string Fingerprint(AuditQuery query)
    {
        var text = string.Join(
            '\n',
            query.TenantId,
            query.Agent ?? "\0",
            query.UserId ?? "\0",
            query.Tool ?? "\0",
            query.Decision ?? "\0",
            query.Since?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "\0",
            query.Until?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "\0");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }
}
