using Dome.Cedar.Schema.Model;
using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Schema;

/// <summary>Type and name resolution.</summary>
internal sealed partial class SchemaResolver
{
    /// <summary>Resolves a type written in namespace <paramref name="ns"/>; null after reporting an error.</summary>
    private CedarType? ResolveType(SchemaTypeExpr type, string ns, string where)
    {
        switch (type)
        {
            case SchemaPrimitiveTypeExpr p:
                return p.Kind switch
                {
                    SchemaPrimitive.Long => LongType.Instance,
                    SchemaPrimitive.String => StringType.Instance,
                    _ => BoolType.Any,
                };
            case SchemaExtensionTypeExpr e:
                if (ExtensionType.Known.Contains(e.Name))
                {
                    return new ExtensionType(e.Name);
                }

                Error($"unknown extension type `{e.Name}` {where}", e.Span);
                return null;
            case SchemaEntityRefTypeExpr e:
                return ResolveEntityName(e.Name, ns, e.Span, where) is { } entity ? new EntityType(entity) : null;
            case SchemaCommonRefTypeExpr c:
                return ResolveCommonOnly(c, ns, where);
            case SchemaNameTypeExpr n:
                return ResolveAnyName(n.Name, ns, n.Span, where);
            case SchemaSetTypeExpr s:
                return ResolveType(s.Element, ns, where) is { } element ? new SetType(element) : null;
            case SchemaRecordTypeExpr r:
                return ResolveRecord(r, ns, where);
            default:
                return null;
        }
    }

    private RecordType? ResolveRecord(SchemaRecordTypeExpr record, string ns, string where)
    {
        var attributes = new SortedDictionary<string, AttributeType>(StringComparer.Ordinal);
        bool ok = true;
        foreach (var attribute in record.Attributes)
        {
            var type = ResolveType(attribute.Type, ns, where);
            if (type is null)
            {
                ok = false;
                continue;
            }

            attributes[attribute.Name] = new AttributeType(type, attribute.Required);
        }

        return ok ? new RecordType(attributes, record.AdditionalAttributes) : null;
    }

    private CedarType? ResolveCommonOnly(SchemaCommonRefTypeExpr reference, string ns, string where)
    {
        string? found = FindDeclared(reference.Name, ns, _commonTypes.ContainsKey);
        if (found is null)
        {
            string builtinName = reference.Name.StartsWith("__cedar::", StringComparison.Ordinal) ? reference.Name["__cedar::".Length..] : reference.Name;
            if ((builtinName == reference.Name ? !reference.Name.Contains("::", StringComparison.Ordinal) : true) && Builtin(builtinName) is { } builtin)
            {
                return builtin;
            }

            Error($"failed to resolve type `{reference.Name}` {where}: it has not been declared as a common type", reference.Span);
            return null;
        }

        return ResolveCommon(found, reference.Span);
    }

    private CedarType? ResolveAnyName(string name, string ns, SchemaSourceSpan? span, string where)
    {
        if (name.StartsWith("__cedar::", StringComparison.Ordinal))
        {
            var builtin = Builtin(name["__cedar::".Length..]);
            if (builtin is null)
            {
                Error($"failed to resolve type `{name}` {where}: no such builtin type", span);
            }

            return builtin;
        }

        bool qualified = name.Contains("::", StringComparison.Ordinal);
        string[] candidates = qualified ? [name] : ns.Length == 0 ? [name] : [Qualify(ns, name), name];
        foreach (var candidate in candidates)
        {
            if (_commonTypes.ContainsKey(candidate))
            {
                return ResolveCommon(candidate, span);
            }

            if (_entityDecls.ContainsKey(candidate))
            {
                return new EntityType(candidate);
            }
        }

        if (!qualified && Builtin(name) is { } type)
        {
            return type;
        }

        Error($"failed to resolve type `{name}` {where}: it has not been declared as a common or entity type", span);
        return null;
    }

    private static CedarType? Builtin(string name) => name switch
    {
        "Long" => LongType.Instance,
        "String" => StringType.Instance,
        "Bool" => BoolType.Any,
        _ when ExtensionType.Known.Contains(name) => new ExtensionType(name),
        _ => null,
    };

    private CedarType? ResolveCommon(string qualified, SchemaSourceSpan? span)
    {
        if (_resolvedCommon.TryGetValue(qualified, out var done))
        {
            return done;
        }

        if (!_resolving.Add(qualified))
        {
            Error($"common type `{qualified}` is defined in terms of itself", span);
            _resolvedCommon[qualified] = null;
            return null;
        }

        var (ns, decl) = _commonTypes[qualified];
        var type = ResolveType(decl.Type, ns, $"in common type `{qualified}`");
        _resolving.Remove(qualified);
        _resolvedCommon[qualified] = type;
        return type;
    }

    /// <summary>Resolves an entity type name (entity types only); null after reporting an error.</summary>
    private string? ResolveEntityName(string name, string ns, SchemaSourceSpan? span, string where)
    {
        string? found = FindDeclared(name, ns, _entityDecls.ContainsKey);
        if (found is null)
        {
            Error($"failed to resolve type `{name}` {where}: it has not been declared as an entity type", span);
        }

        return found;
    }

    private static string? FindDeclared(string name, string ns, Func<string, bool> exists)
    {
        if (name.Contains("::", StringComparison.Ordinal) || ns.Length == 0)
        {
            return exists(name) ? name : null;
        }

        string local = Qualify(ns, name);
        return exists(local) ? local : exists(name) ? name : null;
    }
}
