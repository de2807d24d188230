namespace Dome.Cedar.Schema;

/// <summary>An entity uid as the schema knows it, e.g. <c>NS::Action::"view"</c>.</summary>
public readonly record struct SchemaEntityUid(string Type, string Id)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}::{Text.SchemaTextEscaper.Quote(Id)}";
}
