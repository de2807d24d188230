using Dome.Cedar.Schema.Model;
using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Schema;

/// <summary>Entity type and action definitions, with their hierarchies.</summary>
internal sealed partial class SchemaResolver
{
    private Dictionary<string, EntityTypeDefinition> ResolveEntities()
    {
        foreach (var name in _commonTypes.Keys)
        {
            ResolveCommon(name, _commonTypes[name].Decl.Span);
        }

        var parents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var partial = new Dictionary<string, (RecordType Shape, CedarType? Tags, SchemaEntityTypeDecl Decl)>(StringComparer.Ordinal);
        foreach (var (name, (ns, decl)) in _entityDecls)
        {
            string where = $"in entity type `{name}`";
            var list = new List<string>();
            foreach (var parent in decl.MemberOfTypes)
            {
                if (ResolveEntityName(parent.Text, ns, parent.Span, where) is { } resolved && !list.Contains(resolved))
                {
                    list.Add(resolved);
                }
            }

            parents[name] = list;
            RecordType shape = RecordType.Empty;
            if (decl.Shape is not null)
            {
                var type = ResolveType(decl.Shape, ns, where);
                if (type is RecordType record)
                {
                    shape = record;
                }
                else if (type is not null)
                {
                    Error($"the shape of entity type `{name}` must be a record type, found `{type.Display}`", decl.Shape.Span ?? decl.Span);
                }
            }

            CedarType? tags = decl.Tags is null ? null : ResolveType(decl.Tags, ns, where);
            partial[name] = (shape, tags, decl);
        }

        var descendants = Descendants(parents);
        var result = new Dictionary<string, EntityTypeDefinition>(StringComparer.Ordinal);
        foreach (var (name, (shape, tags, decl)) in partial)
        {
            result[name] = new EntityTypeDefinition
            {
                Name = name,
                Attributes = shape,
                Parents = parents[name],
                Descendants = descendants[name],
                Tags = tags,
                EnumIds = decl.EnumIds,
                Annotations = Annotations(decl.Annotations),
            };
        }

        return result;
    }

    /// <summary>For each node, every node that reaches it by following parent edges (iterative; cycles allowed).</summary>
    private static Dictionary<string, IReadOnlySet<string>> Descendants(Dictionary<string, List<string>> parents)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in parents.Keys)
        {
            result[name] = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var start in parents.Keys)
        {
            var stack = new Stack<string>(parents[start]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (stack.Count > 0)
            {
                var ancestor = stack.Pop();
                if (!seen.Add(ancestor))
                {
                    continue;
                }

                result[ancestor].Add(start);
                foreach (var next in parents[ancestor])
                {
                    stack.Push(next);
                }
            }
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    private Dictionary<SchemaEntityUid, ActionDefinition> ResolveActions()
    {
        var parents = new Dictionary<SchemaEntityUid, List<SchemaEntityUid>>();
        foreach (var (uid, (ns, decl)) in _actionDecls)
        {
            var list = new List<SchemaEntityUid>();
            foreach (var parent in decl.MemberOf)
            {
                var parentUid = ResolveActionRef(parent, ns);
                if (!_actionDecls.ContainsKey(parentUid))
                {
                    Error($"undeclared action `{parentUid}` in the groups of action `{uid}`", parent.Span ?? decl.Span);
                }
                else if (!list.Contains(parentUid))
                {
                    list.Add(parentUid);
                }
            }

            parents[uid] = list;
        }

        var ancestors = Ancestors(parents);
        var result = new Dictionary<SchemaEntityUid, ActionDefinition>();
        foreach (var (uid, (ns, decl)) in _actionDecls)
        {
            if (ancestors[uid].Contains(uid))
            {
                Error($"action `{uid}` is a member of itself through its groups (a cycle in the action hierarchy)", decl.Span);
            }

            result[uid] = ResolveAction(uid, ns, decl, parents[uid], ancestors[uid]);
        }

        return result;
    }

    /// <summary>
    /// An action group reference: a qualified type is taken as written; an unqualified one (or none, meaning `Action`)
    /// names the action in <paramref name="ns"/> when declared there, else the one in the empty namespace.
    /// </summary>
    private SchemaEntityUid ResolveActionRef(SchemaActionRef parent, string ns)
    {
        var type = parent.Type ?? "Action";
        if (type.Contains("::", StringComparison.Ordinal))
        {
            return new SchemaEntityUid(type, parent.Id);
        }

        var local = new SchemaEntityUid(Qualify(ns, type), parent.Id);
        var global = new SchemaEntityUid(type, parent.Id);
        return ns.Length > 0 && !_actionDecls.ContainsKey(local) && _actionDecls.ContainsKey(global) ? global : local;
    }

    private ActionDefinition ResolveAction(
        SchemaEntityUid uid, string ns, SchemaActionDecl decl, List<SchemaEntityUid> parents, IReadOnlySet<SchemaEntityUid> ancestors)
    {
        string where = $"in action `{uid}`";
        var principals = new List<string>();
        var resources = new List<string>();
        RecordType context = RecordType.Empty;
        if (decl.AppliesTo is { } applies)
        {
            foreach (var name in applies.PrincipalTypes)
            {
                if (ResolveEntityName(name.Text, ns, name.Span, where) is { } type && !principals.Contains(type))
                {
                    principals.Add(type);
                }
            }

            foreach (var name in applies.ResourceTypes)
            {
                if (ResolveEntityName(name.Text, ns, name.Span, where) is { } type && !resources.Contains(type))
                {
                    resources.Add(type);
                }
            }

            if (applies.Context is not null)
            {
                var resolved = applies.Context is SchemaNameTypeExpr n
                    ? ResolveCommonOnly(new SchemaCommonRefTypeExpr(n.Name) { Span = n.Span }, ns, where)
                    : ResolveType(applies.Context, ns, where);
                if (resolved is RecordType record)
                {
                    context = record;
                }
                else if (resolved is not null)
                {
                    Error($"the context of action `{uid}` must be a record type, found `{resolved.Display}`", applies.Context.Span ?? decl.Span);
                }
            }
        }

        return new ActionDefinition
        {
            Uid = uid,
            Parents = parents,
            Ancestors = ancestors,
            PrincipalTypes = principals,
            ResourceTypes = resources,
            Context = context,
            Annotations = Annotations(decl.Annotations),
        };
    }

    private static Dictionary<SchemaEntityUid, IReadOnlySet<SchemaEntityUid>> Ancestors(Dictionary<SchemaEntityUid, List<SchemaEntityUid>> parents)
    {
        var result = new Dictionary<SchemaEntityUid, IReadOnlySet<SchemaEntityUid>>();
        foreach (var start in parents.Keys)
        {
            var seen = new HashSet<SchemaEntityUid>();
            var stack = new Stack<SchemaEntityUid>(parents[start]);
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                if (seen.Add(next))
                {
                    foreach (var up in parents[next])
                    {
                        stack.Push(up);
                    }
                }
            }

            result[start] = seen;
        }

        return result;
    }

    private static Dictionary<string, string> Annotations(IReadOnlyList<SchemaAnnotation> annotations)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var annotation in annotations)
        {
            result[annotation.Key] = annotation.Value;
        }

        return result;
    }
}
