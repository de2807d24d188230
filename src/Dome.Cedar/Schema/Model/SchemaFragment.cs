namespace Dome.Cedar.Schema.Model;

/// <summary>A schema as written (either format), before name resolution: its namespaces in source order.</summary>
public sealed record SchemaFragment(IReadOnlyList<SchemaNamespaceDecl> Namespaces);
