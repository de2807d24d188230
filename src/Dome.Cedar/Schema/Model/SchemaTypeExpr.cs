namespace Dome.Cedar.Schema.Model;

/// <summary>A type as written in a schema, before names are resolved.</summary>
public abstract record SchemaTypeExpr
{
    /// <summary>Where the type was written (text format only).</summary>
    public SchemaSourceSpan? Span { get; init; }
}
