namespace Dome.Functions.Hosting;

/// <summary><c>Dome:Storage</c>: which storage the server runs on (<c>Dome:Storage:Azure</c> says where, for <c>azure</c>).</summary>
internal sealed record StorageOptions
{
    public const string Section = "Dome:Storage";

    /// <summary>SQLite in the data directory: one process, <c>dome serve</c>.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>Azure Table Storage and Storage Queues (the Functions app, or Azurite).</summary>
    public const string Azure = "azure";

    /// <summary><c>sqlite</c> (default) or <c>azure</c>.</summary>
    public string Kind { get; init; } = Sqlite;

    public static string KindOf(IConfiguration configuration) =>
        configuration[Section + ":Kind"] is { Length: > 0 } kind ? kind.Trim().ToLowerInvariant() : Sqlite;
}
