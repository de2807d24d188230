namespace Dome.Cedar.Schema.Model;

/// <summary>A primitive written explicitly (JSON <c>{"type":"Long"}</c>).</summary>
public sealed record SchemaPrimitiveTypeExpr(SchemaPrimitive Kind) : SchemaTypeExpr;
