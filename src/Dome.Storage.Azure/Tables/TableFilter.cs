using System.Globalization;

namespace Dome.Storage.Azure.Tables;

/// <summary>
/// Builds OData <c>$filter</c> expressions with literals formatted and escaped the way the Table service parses them
/// (strings in single quotes with quotes doubled, <c>123L</c>, <c>guid'…'</c>, <c>datetime'…'</c>, <c>X'…'</c>), so
/// no caller splices raw text into a query.
/// </summary>
internal static class TableFilter
{
    public static string PartitionKeyEquals(string partitionKey) => Compare("PartitionKey", "eq", partitionKey);

    public static string RowKeyEquals(string rowKey) => Compare("RowKey", "eq", rowKey);

    /// <summary>Entities whose <paramref name="property"/> (a string) starts with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string property, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var last = prefix[^1];
        if (last == char.MaxValue)
        {
            return Compare(property, "ge", prefix);
        }

        var upper = string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(last + 1)).ToString());
        return And(Compare(property, "ge", prefix), Compare(property, "lt", upper));
    }

    /// <summary><c>property op literal</c>; <paramref name="op"/> is one of eq, ne, gt, ge, lt, le.</summary>
    public static string Compare(string property, string op, object value)
    {
        TableEntityLimits.ValidatePropertyName(property, allowSystem: true);
        if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le"))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"`{op}` is not an OData comparison operator"), nameof(op));
        }

        return property + " " + op + " " + Literal(value);
    }

    public static string And(params string[] clauses) => Join("and", clauses);

    public static string Or(params string[] clauses) => Join("or", clauses);

    /// <summary>The OData literal for a value of one of the entity property types.</summary>
    public static string Literal(object value) => value switch
    {
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Guid g => "guid'" + g.ToString("D") + "'",
        DateTimeOffset d => "datetime'" + d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        _ => throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"a `{value.GetType().Name}` cannot be an OData literal"), nameof(value)),
    };

    private static string Join(string op, string[] clauses)
    {
        if (clauses.Length == 0)
        {
            throw new ArgumentException("a filter needs at least one clause", nameof(clauses));
        }

        return clauses.Length == 1 ? clauses[0] : "(" + string.Join(") " + op + " (", clauses) + ")";
    }
}
