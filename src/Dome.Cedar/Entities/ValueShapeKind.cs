namespace Dome.Cedar.Entities;

/// <summary>What a schema says a JSON value should become.</summary>
internal enum ValueShapeKind
{
    /// <summary>Unknown: read the JSON as written (escapes `__entity` / `__extn` only).</summary>
    Any,
    Bool,
    Long,
    String,
    /// <summary>An entity reference (`{"type","id"}` accepted without `__entity`).</summary>
    Entity,
    /// <summary>An extension value named by <see cref="ValueShape.Name"/> (`ipaddr`, `decimal`, `datetime`, `duration`): a plain string is passed to its constructor.</summary>
    Extension,
    Set,
    Record,
}
