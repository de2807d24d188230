using Dome.Core.Catalog.Schema;

namespace Dome.Core.Catalog;

/// <summary>A catalog entry ready for the gateway: the tool, its connection and its compiled input schema.</summary>
public sealed record ResolvedTool
{
    public required CatalogEntry Entry { get; init; }

    public required JsonSchema Schema { get; init; }

    public Tool Tool => Entry.Tool;

    public Connection Connection => Entry.Connection;
}
