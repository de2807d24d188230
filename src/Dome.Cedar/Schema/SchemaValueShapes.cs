using Dome.Cedar.Entities;
using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Schema;

/// <summary>
/// Adapts a <see cref="CedarSchema"/> to the entity/context JSON readers' hook: tells them where a string is an
/// extension value or a <c>{"type","id"}</c> object is an entity, and supplies the schema's action entities.
/// </summary>
internal sealed class SchemaValueShapes(CedarSchema schema) : ISchemaShapes
{
    private readonly Dictionary<string, ValueShape?> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ValueShape?> _tags = new(StringComparer.Ordinal);

    public CedarSchema Schema { get; } = schema;

    public ValueShape? EntityAttributes(string entityType)
    {
        if (!_attributes.TryGetValue(entityType, out var shape))
        {
            shape = Schema.EntityTypes.TryGetValue(entityType, out var def) ? ShapeOf(def.Attributes) : null;
            _attributes[entityType] = shape;
        }

        return shape;
    }

    public ValueShape? EntityTags(string entityType)
    {
        if (!_tags.TryGetValue(entityType, out var shape))
        {
            shape = Schema.EntityTypes.TryGetValue(entityType, out var def) && def.Tags is not null ? ShapeOf(def.Tags) : null;
            _tags[entityType] = shape;
        }

        return shape;
    }

    public ValueShape? Context(EntityUid action) =>
        Schema.Actions.TryGetValue(new SchemaEntityUid(action.Type, action.Id), out var def) ? ShapeOf(def.Context) : null;

    public IEnumerable<(EntityUid Uid, EntityUid[] Parents)> ActionEntities() =>
        Schema.Actions.Values.Select(a => (
            new EntityUid(a.Uid.Type, a.Uid.Id),
            a.Parents.Select(p => new EntityUid(p.Type, p.Id)).ToArray()));

    /// <summary>The reader shape for a schema type (iterative depth is bounded by the schema parsers' limits).</summary>
    public static ValueShape ShapeOf(CedarType type) => type switch
    {
        BoolType => new ValueShape(ValueShapeKind.Bool),
        LongType => new ValueShape(ValueShapeKind.Long),
        StringType => new ValueShape(ValueShapeKind.String),
        EntityType e => new ValueShape(ValueShapeKind.Entity, e.Names is { Count: 1 } ? e.Names.First() : null),
        ExtensionType x => new ValueShape(ValueShapeKind.Extension, x.Name),
        SetType s => new ValueShape(ValueShapeKind.Set, Element: ShapeOf(s.Element)),
        RecordType r => new ValueShape(
            ValueShapeKind.Record,
            Attributes: r.Attributes.ToDictionary(a => a.Key, a => ShapeOf(a.Value.Type), StringComparer.Ordinal)),
        _ => ValueShape.Any,
    };
}
