namespace Dome.Cedar.Schema.Model;

/// <summary>One namespace of a schema; <paramref name="Name"/> is empty for declarations outside any namespace.</summary>
public sealed record SchemaNamespaceDecl(
    string Name,
    IReadOnlyList<SchemaCommonTypeDecl> CommonTypes,
    IReadOnlyList<SchemaEntityTypeDecl> EntityTypes,
    IReadOnlyList<SchemaActionDecl> Actions,
    IReadOnlyList<SchemaAnnotation> Annotations,
    SchemaSourceSpan? Span = null);
