using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Schema;

/// <summary>A resolved action: its uid, groups and where it applies.</summary>
public sealed record ActionDefinition
{
    /// <summary>The action's uid, e.g. <c>NS::Action::"view"</c>.</summary>
    public required SchemaEntityUid Uid { get; init; }

    /// <summary>The action groups it is directly in.</summary>
    public required IReadOnlyList<SchemaEntityUid> Parents { get; init; }

    /// <summary>All groups it is in, transitively.</summary>
    public required IReadOnlySet<SchemaEntityUid> Ancestors { get; init; }

    /// <summary>Principal entity types it applies to (empty: it applies to no request).</summary>
    public required IReadOnlyList<string> PrincipalTypes { get; init; }

    /// <summary>Resource entity types it applies to (empty: it applies to no request).</summary>
    public required IReadOnlyList<string> ResourceTypes { get; init; }

    /// <summary>The context's record type.</summary>
    public required RecordType Context { get; init; }

    /// <summary>The declaration's annotations.</summary>
    public required IReadOnlyDictionary<string, string> Annotations { get; init; }

    /// <summary>True when the action can appear in some request (both type lists non-empty).</summary>
    public bool AppliesToAnything => PrincipalTypes.Count > 0 && ResourceTypes.Count > 0;
}
