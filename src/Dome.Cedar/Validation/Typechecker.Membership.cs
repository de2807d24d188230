using Dome.Cedar.Evaluation;
using Dome.Cedar.Schema.Types;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>The `in` operator: precise for action literals, `False` when the entity hierarchy makes it impossible.</summary>
internal sealed partial class Typechecker
{
    private Typed CheckIn(BinaryExpr e, CapabilitySet prior)
    {
        var left = Expect(e.Left, prior, IsEntity, "an entity");
        var right = Expect(e.Right, prior, IsEntityOrEntitySet, "an entity or a set of entities");
        if (!left.Ok || !right.Ok)
        {
            return Typed.Fail(BoolType.Any);
        }

        var lhsUid = UidOf(e.Left);
        var rhsUids = UidsOf(e.Right);
        if (lhsUid is not null && rhsUids is not null && SchemaView.IsActionType(lhsUid.Type))
        {
            var actions = rhsUids.Where(u => SchemaView.IsActionType(u.Type)).ToList();
            if (actions.Count == 0)
            {
                return Typed.Success(BoolType.False);
            }

            return schema.ActionIn(lhsUid, actions) is { } inside ? Typed.Success(BoolType.Of(inside)) : Typed.Fail(BoolType.Any);
        }

        var lhsTypes = (left.Type as EntityType)?.Names;
        var rhsTypes = right.Type switch
        {
            EntityType entity => entity.Names,
            SetType { Element: EntityType entity } => entity.Names,
            _ => null,
        };
        if (lhsTypes is not null && rhsTypes is not null && !lhsTypes.Any(l => rhsTypes.Any(r => schema.MayBeIn(l, r))))
        {
            return Typed.Success(BoolType.False);
        }

        return Typed.Success(BoolType.Any);
    }

    /// <summary>The uid of an entity literal or of the <c>action</c> variable, else null.</summary>
    private EntityUid? UidOf(Expr e) => e switch
    {
        LiteralExpr { Value: EntityValue entity } => entity.Uid,
        VariableExpr { Variable: Variable.Action } => new EntityUid(env.Action.Type, env.Action.Id),
        _ => null,
    };

    /// <summary>The uids of an entity literal, the action variable, or a set made only of those; else null.</summary>
    private List<EntityUid>? UidsOf(Expr e)
    {
        if (UidOf(e) is { } single)
        {
            return [single];
        }

        switch (e)
        {
            case LiteralExpr { Value: SetValue set }:
                var fromValue = new List<EntityUid>();
                foreach (var item in set.Items)
                {
                    if (item is not EntityValue entity)
                    {
                        return null;
                    }

                    fromValue.Add(entity.Uid);
                }

                return fromValue;
            case SetExpr set:
                var fromExprs = new List<EntityUid>();
                foreach (var item in set.Elements)
                {
                    if (UidOf(item) is not { } uid)
                    {
                        return null;
                    }

                    fromExprs.Add(uid);
                }

                return fromExprs;
            default:
                return null;
        }
    }
}
