using Dome.Cedar.Schema.Types;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>`has`, attribute access, tags and `is`.</summary>
internal sealed partial class Typechecker
{
    private const string EntityOrRecord = "an entity or a record";

    private Typed CheckHas(AttributeExpr e, CapabilitySet prior)
    {
        var target = Expect(e.Target, prior, IsEntityOrRecord, EntityOrRecord);
        if (target.Type is null)
        {
            return Typed.Fail(BoolType.Any);
        }

        var attr = LookupAttribute(target.Type, e.Attribute);
        bool known = prior.HasAttribute(e.Target, e.Attribute);
        Typed result;
        if (attr is { Required: true })
        {
            result = Typed.Success(target.Type is RecordType || known ? BoolType.True : BoolType.Any, CapabilitySet.Attribute(e.Target, e.Attribute));
        }
        else if (attr is not null)
        {
            result = Typed.Success(known ? BoolType.True : BoolType.Any, CapabilitySet.Attribute(e.Target, e.Attribute));
        }
        else
        {
            result = Typed.Success(MayHaveAttribute(target.Type, e.Attribute) ? BoolType.Any : BoolType.False);
        }

        return result.And(target.Ok);
    }

    private Typed CheckGet(AttributeExpr e, CapabilitySet prior)
    {
        var target = Expect(e.Target, prior, IsEntityOrRecord, EntityOrRecord);
        if (target.Type is null)
        {
            return Typed.Fail();
        }

        var attr = LookupAttribute(target.Type, e.Attribute);
        if (attr is null)
        {
            Error(e, "unsafe-attribute-access", $"attribute `{e.Attribute}` on `{target.Type.Display}` could not be found");
            return Typed.Fail();
        }

        if (!attr.Required && !prior.HasAttribute(e.Target, e.Attribute))
        {
            Error(e, "unsafe-optional-attribute-access",
                $"unsafe access to optional attribute `{e.Attribute}` on `{target.Type.Display}`: guard it with a `has` check");
            return Typed.Fail(attr.Type);
        }

        return Typed.Success(attr.Type).And(target.Ok);
    }

    /// <summary>The attribute's type if the type declares it (for a union: only attributes all members share).</summary>
    private AttributeType? LookupAttribute(CedarType type, string attribute)
    {
        switch (type)
        {
            case RecordType record:
                return record.Attributes.GetValueOrDefault(attribute);
            case EntityType { Names: { } names }:
                var shape = names.Count == 1
                    ? schema.AttributesOf(names.First())
                    : TypeLattice.CommonAttributes(names.Select(schema.AttributesOf));
                return shape.Attributes.GetValueOrDefault(attribute);
            default:
                return null;
        }
    }

    private bool MayHaveAttribute(CedarType type, string attribute) => type switch
    {
        NeverType => true,
        RecordType record => record.Open || record.Attributes.ContainsKey(attribute),
        EntityType { Names: null } => true,
        EntityType { Names: { } names } => names.Any(n => schema.AttributesOf(n) is var a && (a.Open || a.Attributes.ContainsKey(attribute))),
        _ => false,
    };

    private Typed CheckIs(IsExpr e, CapabilitySet prior)
    {
        var target = Expect(e.Target, prior, IsEntity, "an entity");
        switch (target.Type)
        {
            case EntityType { Names: { } names }:
                var type = !names.Contains(e.EntityType) ? BoolType.False
                    : names.Count == 1 ? BoolType.True
                    : BoolType.Any;
                return Typed.Success(type).And(target.Ok);
            case EntityType:
                return Typed.Success(BoolType.Any).And(target.Ok);
            default:
                return Typed.Fail(BoolType.Any);
        }
    }

    private Typed CheckHasTag(BinaryExpr e, CapabilitySet prior)
    {
        var target = Expect(e.Left, prior, IsEntity, "an entity");
        var key = Expect(e.Right, prior, IsString, "`__cedar::String`");
        if (target.Type is not EntityType entity)
        {
            return Typed.Fail();
        }

        var type = TagTypes(entity).Count == 0 ? BoolType.False
            : prior.HasTag(e.Left, e.Right) ? BoolType.True
            : BoolType.Any;
        return Typed.Success(type, CapabilitySet.Tag(e.Left, e.Right)).And(target.Ok && key.Ok);
    }

    private Typed CheckGetTag(BinaryExpr e, CapabilitySet prior)
    {
        var target = Expect(e.Left, prior, IsEntity, "an entity");
        var key = Expect(e.Right, prior, IsString, "`__cedar::String`");
        if (target.Type is not EntityType entity)
        {
            return Typed.Fail();
        }

        if (!prior.HasTag(e.Left, e.Right))
        {
            Error(e, "unsafe-tag-access", $"unsafe access to a tag of `{entity.Display}`: guard it with a `hasTag` check");
            return Typed.Fail();
        }

        var tagTypes = TagTypes(entity);
        if (tagTypes.Count == 0)
        {
            Error(e, "no-tags-allowed", $"entity type `{entity.Display}` does not allow tags");
            return Typed.Fail();
        }

        var lub = Bound(e, tagTypes, "the tags");
        return lub is null ? Typed.Fail() : Typed.Success(lub).And(target.Ok && key.Ok);
    }

    private List<CedarType> TagTypes(EntityType entity)
    {
        var names = entity.Names ?? (IEnumerable<string>)schema.Schema.EntityTypes.Keys;
        var result = new List<CedarType>();
        foreach (var name in names)
        {
            if (schema.Schema.EntityTypes.TryGetValue(name, out var def) && def.Tags is { } tags && !result.Contains(tags))
            {
                result.Add(tags);
            }
        }

        return result;
    }
}
