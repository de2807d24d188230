using Dome.Cedar.Schema.Model;

namespace Dome.Cedar.Schema.Text;

/// <summary>Collects the declarations of one namespace while parsing.</summary>
internal sealed class NamespaceBuilder(string name, List<SchemaAnnotation> annotations, SchemaSourceSpan? span)
{
    public List<SchemaCommonTypeDecl> CommonTypes { get; } = [];

    public List<SchemaEntityTypeDecl> EntityTypes { get; } = [];

    public List<SchemaActionDecl> Actions { get; } = [];

    public bool HasDeclarations => CommonTypes.Count + EntityTypes.Count + Actions.Count > 0;

    public SchemaNamespaceDecl Build() => new(name, CommonTypes, EntityTypes, Actions, annotations, span);
}
