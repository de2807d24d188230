namespace Dome.Cedar.Schema.Model;

/// <summary>A name that may be a common type, an entity type or a builtin (text format, JSON <c>EntityOrCommon</c>).</summary>
public sealed record SchemaNameTypeExpr(string Name) : SchemaTypeExpr;
