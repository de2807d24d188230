namespace Dome.Cedar.Schema.Model;

/// <summary>An entity type written explicitly (JSON <c>{"type":"Entity","name":"User"}</c>).</summary>
public sealed record SchemaEntityRefTypeExpr(string Name) : SchemaTypeExpr;
