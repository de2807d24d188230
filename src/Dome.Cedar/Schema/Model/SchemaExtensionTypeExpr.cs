namespace Dome.Cedar.Schema.Model;

/// <summary>An extension type written explicitly (JSON <c>{"type":"Extension","name":"ipaddr"}</c>).</summary>
public sealed record SchemaExtensionTypeExpr(string Name) : SchemaTypeExpr;
