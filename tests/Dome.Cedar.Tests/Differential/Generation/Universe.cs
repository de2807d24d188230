namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>
/// The fixed vocabulary generated cases draw from: entity types and ids, actions and their groups,
/// attribute and tag names with the value type each usually has.
/// </summary>
internal static class Universe
{
    public static readonly string[] PrincipalTypes = ["User", "Group", "App::Agent"];

    public static readonly string[] ResourceTypes = ["Doc", "Folder", "App::Tool"];

    /// <summary>Types that appear only in policy text (`is` tests against absent types).</summary>
    public static readonly string[] OtherTypes = ["Nobody", "App::Nested::Thing"];

    public static readonly Dictionary<string, string[]> Ids = new()
    {
        ["User"] = ["alice", "bob", "carol", "", "\u00e9mile", "quote\"d", "back\\slash"],
        ["Group"] = ["admins", "staff", "everyone", "ops"],
        ["App::Agent"] = ["a1", "a2", "bot \u2603"],
        ["Doc"] = ["d1", "d2", "d3", "d4", "d5"],
        ["Folder"] = ["root", "f1", "f2", "f3"],
        ["App::Tool"] = ["t1", "t2", "zendesk/create_ticket"],
        ["Nobody"] = ["x"],
        ["App::Nested::Thing"] = ["y"],
    };

    /// <summary>Actions, each with the action groups it belongs to.</summary>
    public static readonly (string Id, string[] Parents)[] Actions =
    [
        ("read", ["readWrite"]),
        ("write", ["readWrite"]),
        ("delete", ["all"]),
        ("call", ["all"]),
        ("readWrite", ["all"]),
        ("all", []),
    ];

    /// <summary>Attributes of entities and context, with the type they hold most of the time.</summary>
    public static readonly (string Name, ValueKind Kind)[] Attributes =
    [
        ("age", ValueKind.Long),
        ("level", ValueKind.Long),
        ("name", ValueKind.String),
        ("active", ValueKind.Bool),
        ("tags", ValueKind.Set),
        ("owner", ValueKind.Entity),
        ("manager", ValueKind.Entity),
        ("info", ValueKind.Record),
        ("score", ValueKind.Decimal),
        ("addr", ValueKind.IpAddr),
        ("created", ValueKind.Datetime),
        ("ttl", ValueKind.Duration),
        ("weird key", ValueKind.String),
        ("if", ValueKind.Bool),
    ];

    /// <summary>Fields of the `info` record attribute.</summary>
    public static readonly (string Name, ValueKind Kind)[] InfoFields =
    [
        ("a", ValueKind.Long),
        ("b", ValueKind.String),
        ("c", ValueKind.Bool),
    ];

    public static readonly string[] TagNames = ["env", "team", "level", "x y", ""];

    public static readonly string[] Strings =
    [
        "", "alice", "prod", "dev", "a*b", "tab\there", "line\nbreak", "quote\"", "\u00e9", "\ud83d\ude00",
        "staff", "d1", "zendesk/create_ticket", "*", "back\\slash", "\0nul",
    ];

    /// <summary>Decimal texts: the first <see cref="ValidDecimals"/> are valid.</summary>
    public static readonly string[] DecimalTexts =
    [
        "0.0", "1.5", "-1.5", "12.3456", "922337203685477.5807", "-922337203685477.5808", "0.0001", "3.14", "-0.0",
        "1.23456", "abc", "1.", "+1.0",
    ];

    public const int ValidDecimals = 9;

    /// <summary>IP texts: the first <see cref="ValidIps"/> are valid.</summary>
    public static readonly string[] IpTexts =
    [
        "10.0.0.1", "192.168.1.20", "192.168.0.0/16", "127.0.0.1", "::1", "ff02::1", "224.0.0.1",
        "2001:db8::/32", "10.0.0.0/8", "0.0.0.0/0", "::/0", "127.0.0.2/8", "ff00::/8", "::",
        "::ffff:10.0.0.1", "1.2.3", "10.0.0.1/33", "fe80::1%eth0", "01.2.3.4",
    ];

    public const int ValidIps = 14;

    /// <summary>Datetime texts: the first <see cref="ValidDatetimes"/> are valid.</summary>
    public static readonly string[] DatetimeTexts =
    [
        "2024-10-15", "2024-10-15T11:35:00Z", "2024-10-15T11:35:00.123Z", "2024-10-15T11:35:00+0100",
        "2024-10-15T11:35:00.500-0230", "1970-01-01", "1969-12-31T23:59:59Z", "2024-02-29", "0001-01-01",
        "9999-12-31T23:59:59.999Z", "2024-10-15T00:00:00-2359",
        "2023-02-29", "2024-1-5", "2024-10-15T25:00:00Z", "2024-10-15 11:35:00Z", "2024-10-15T11:35:00.5-0230",
        "2024-10-15T23:59:60Z",
    ];

    public const int ValidDatetimes = 11;

    /// <summary>Duration texts: the first <see cref="ValidDurations"/> are valid.</summary>
    public static readonly string[] DurationTexts =
    [
        "1d", "2h", "30m", "45s", "500ms", "1d2h3m4s5ms", "-5h", "0ms", "-1d12h", "106751991167d",
        "9223372036854775807ms", "-9223372036854775808ms", "-0s", "24h",
        "1h1d", "1.5h", "", "106751991168d",
    ];

    public const int ValidDurations = 14;

    public static readonly string[] Patterns =
    [
        "*", "", "a*", "*b", "a*b", "\\*", "*\\**", "alice", "*e*", "d?", "**", "\u00e9*", "*\\\\*",
        "\\u{2a}", "a\\u{2a}", "\\u{e9}*", "*\\t*",
    ];
}
