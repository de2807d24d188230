namespace Dome.Cedar.Json;

/// <summary>The operator of a scope constraint (<c>"op"</c> in the JSON form).</summary>
internal enum EstScopeOp
{
    /// <summary><c>"All"</c>: no constraint.</summary>
    All,

    /// <summary><c>"=="</c>: equal to an entity or slot.</summary>
    Equal,

    /// <summary><c>"in"</c>: in an entity, a slot, or (actions only) a list of entities.</summary>
    In,

    /// <summary><c>"is"</c>: of an entity type, optionally also <c>in</c> an entity or slot.</summary>
    Is,
}
