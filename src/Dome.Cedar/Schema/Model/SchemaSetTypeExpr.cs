namespace Dome.Cedar.Schema.Model;

/// <summary><c>Set&lt;T&gt;</c>.</summary>
public sealed record SchemaSetTypeExpr(SchemaTypeExpr Element) : SchemaTypeExpr;
