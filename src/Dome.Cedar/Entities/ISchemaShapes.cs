namespace Dome.Cedar.Entities;

/// <summary>
/// The hook through which a schema guides the JSON readers (implemented by the schema component).
/// Every method may answer null, meaning "no schema information": the JSON is then read as written.
/// </summary>
internal interface ISchemaShapes
{
    /// <summary>The record shape of the attributes of entities of <paramref name="entityType"/>.</summary>
    ValueShape? EntityAttributes(string entityType);

    /// <summary>The shape of the tag values of entities of <paramref name="entityType"/>.</summary>
    ValueShape? EntityTags(string entityType);

    /// <summary>The record shape of the context for requests with <paramref name="action"/>.</summary>
    ValueShape? Context(EntityUid action);

    /// <summary>Action entities the schema declares (with their parents); added to every store read with this schema.</summary>
    IEnumerable<(EntityUid Uid, EntityUid[] Parents)> ActionEntities();
}
