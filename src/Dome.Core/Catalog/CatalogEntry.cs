namespace Dome.Core.Catalog;

/// <summary>A tool with its connection: everything the gateway needs to check and forward one call.</summary>
public sealed record CatalogEntry
{
    public required Connection Connection { get; init; }

    public required Tool Tool { get; init; }

    /// <summary>The tool's output rules, or else its connection's (JSON text; null: none).</summary>
    public string? OutputRules => Tool.OutputRules ?? Connection.OutputRules;
}
