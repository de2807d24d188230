namespace Dome.Cedar.Entities;

/// <summary>
/// A schema's description of a JSON value, used when reading entities and context with a schema
/// (a string becomes an `ipaddr` where the schema says so, `{"type","id"}` becomes an entity, ...).
/// </summary>
internal sealed record ValueShape(
    ValueShapeKind Kind,
    string? Name = null,
    ValueShape? Element = null,
    IReadOnlyDictionary<string, ValueShape>? Attributes = null)
{
    public static ValueShape Any { get; } = new(ValueShapeKind.Any);
}
