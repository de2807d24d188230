using Dome.Cedar.Schema.Model;
using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Schema;

/// <summary>
/// Turns a <see cref="SchemaFragment"/> into resolved definitions. Names resolve namespace-locally first
/// (common type, then entity type), then in the empty namespace (common, then entity), then as builtins
/// (<c>__cedar::</c>). Every problem found is collected and reported together.
/// </summary>
internal sealed partial class SchemaResolver
{
    private static readonly HashSet<string> ReservedCommonNames = new(StringComparer.Ordinal)
    {
        "Bool", "Boolean", "Entity", "Extension", "Long", "Record", "Set", "String",
    };

    private readonly List<SchemaDiagnostic> _errors = [];
    private readonly Dictionary<string, (string Namespace, SchemaCommonTypeDecl Decl)> _commonTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Namespace, SchemaEntityTypeDecl Decl)> _entityDecls = new(StringComparer.Ordinal);
    private readonly Dictionary<SchemaEntityUid, (string Namespace, SchemaActionDecl Decl)> _actionDecls = [];
    private readonly Dictionary<string, CedarType?> _resolvedCommon = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    private SchemaResolver()
    {
    }

    /// <summary>Resolves the fragment; throws <see cref="CedarSchemaException"/> listing every problem.</summary>
    public static (Dictionary<string, EntityTypeDefinition> Entities, Dictionary<SchemaEntityUid, ActionDefinition> Actions) Resolve(SchemaFragment fragment)
    {
        var resolver = new SchemaResolver();
        resolver.Collect(fragment);
        resolver.CheckShadowing(fragment);
        var entities = resolver.ResolveEntities();
        var actions = resolver.ResolveActions();
        if (resolver._errors.Count > 0)
        {
            throw new CedarSchemaException(resolver._errors);
        }

        return (entities, actions);
    }

    /// <summary>The name of the action entity type in namespace <paramref name="ns"/>.</summary>
    public static string ActionType(string ns) => Qualify(ns, "Action");

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : $"{ns}::{name}";

    private void Collect(SchemaFragment fragment)
    {
        var seenNamespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in fragment.Namespaces)
        {
            if (!seenNamespaces.Add(ns.Name))
            {
                Error($"duplicate namespace `{ns.Name}`", ns.Span);
            }

            if (ns.Name.Split("::").Contains("__cedar"))
            {
                Error($"use of the reserved `__cedar` namespace in `{ns.Name}`", ns.Span);
            }

            foreach (var common in ns.CommonTypes)
            {
                if (ReservedCommonNames.Contains(common.Name) || common.Name == "__cedar")
                {
                    Error($"`{common.Name}` is a reserved schema keyword and cannot name a common type", common.Span);
                }

                if (!_commonTypes.TryAdd(Qualify(ns.Name, common.Name), (ns.Name, common)))
                {
                    Error($"common type `{Qualify(ns.Name, common.Name)}` is declared twice", common.Span);
                }
            }

            foreach (var entity in ns.EntityTypes)
            {
                if (entity.Name is "Action" or "__cedar")
                {
                    Error(entity.Name == "Action"
                        ? $"entity type `{Qualify(ns.Name, entity.Name)}` cannot be declared: `Action` is reserved for the namespace's actions"
                        : "use of the reserved `__cedar` namespace", entity.Span);
                }

                if (!_entityDecls.TryAdd(Qualify(ns.Name, entity.Name), (ns.Name, entity)))
                {
                    Error($"entity type `{Qualify(ns.Name, entity.Name)}` is declared twice", entity.Span);
                }
            }

            foreach (var action in ns.Actions)
            {
                var uid = new SchemaEntityUid(ActionType(ns.Name), action.Name);
                if (!_actionDecls.TryAdd(uid, (ns.Name, action)))
                {
                    Error($"action `{uid}` is declared twice", action.Span);
                }
            }
        }
    }

    /// <summary>A namespaced common type, entity type or action must not reuse the name of one in the empty namespace.</summary>
    private void CheckShadowing(SchemaFragment fragment)
    {
        foreach (var ns in fragment.Namespaces.Where(n => n.Name.Length > 0))
        {
            foreach (var (name, span) in ns.CommonTypes.Select(c => (c.Name, c.Span)).Concat(ns.EntityTypes.Select(e => (e.Name, e.Span))))
            {
                if (_commonTypes.ContainsKey(name) || _entityDecls.ContainsKey(name))
                {
                    Error($"definition of `{Qualify(ns.Name, name)}` illegally shadows the existing definition of `{name}`", span);
                }
            }

            foreach (var action in ns.Actions)
            {
                var global = new SchemaEntityUid("Action", action.Name);
                if (_actionDecls.ContainsKey(global))
                {
                    Error($"definition of `{new SchemaEntityUid(ActionType(ns.Name), action.Name)}` illegally shadows the existing definition of `{global}`", action.Span);
                }
            }
        }
    }

    private void Error(string message, SchemaSourceSpan? span) => _errors.Add(new SchemaDiagnostic(message, span));
}
