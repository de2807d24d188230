namespace Dome.Cedar.Schema;

/// <summary>Thrown when a schema cannot be parsed or does not make sense; carries every problem found.</summary>
public sealed class CedarSchemaException : Exception
{
    /// <summary>Creates the exception from one or more diagnostics.</summary>
    public CedarSchemaException(IReadOnlyList<SchemaDiagnostic> diagnostics)
        : base(diagnostics.Count == 0 ? "invalid schema" : string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception from a single diagnostic.</summary>
    public CedarSchemaException(SchemaDiagnostic diagnostic)
        : this([diagnostic])
    {
    }

    /// <summary>The problems found, in source order where possible.</summary>
    public IReadOnlyList<SchemaDiagnostic> Diagnostics { get; }
}
