namespace Dome.Cedar.Schema.Model;

/// <summary>A common type reference written explicitly (JSON <c>{"type":"MyType"}</c>).</summary>
public sealed record SchemaCommonRefTypeExpr(string Name) : SchemaTypeExpr;
