namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>Boolean expressions: logic, comparison, `in`, `is`, `has`, `like`, sets, tags, extensions.</summary>
internal sealed partial class ExpressionGenerator
{
    private static readonly string[] Relations = ["==", "!=", "<", "<=", ">", ">="];
    private static readonly ValueKind[] Ordered =
        [ValueKind.Long, ValueKind.Long, ValueKind.Long, ValueKind.Decimal, ValueKind.Datetime, ValueKind.Duration];

    private CedarExpr BoolCompound(int depth)
    {
        switch (random.Next(20))
        {
            case 0:
            case 1:
                return Binary(Generate(ValueKind.Bool, depth), "&&", Generate(ValueKind.Bool, depth), CedarExpr.AndLevel);
            case 2:
            case 3:
                return Binary(Generate(ValueKind.Bool, depth), "||", Generate(ValueKind.Bool, depth), CedarExpr.OrLevel);
            case 4:
                return Unary("!", Generate(ValueKind.Bool, depth));
            case 5:
            {
                var kind = Pick(AllKinds);
                return Relation(Generate(kind, depth), Chance(60) ? "==" : "!=", Generate(kind, depth));
            }

            case 6:
            {
                var kind = Pick(Ordered);
                return Relation(Generate(kind, depth), Pick(Relations), Generate(kind, depth));
            }

            case 7:
                return Relation(Generate(ValueKind.Entity, depth), "in", Chance(70) ? Generate(ValueKind.Entity, depth) : EntitySet(depth));
            case 8:
                return IsTest(depth);
            case 9:
            case 10:
                return HasTest(depth);
            case 11:
                return new CedarExpr(
                    Generate(ValueKind.String, depth).At(CedarExpr.AddLevel) + " like \"" + Pick(Universe.Patterns) + "\"",
                    CedarExpr.RelationLevel);
            case 12:
                return SetTest(depth);
            case 13:
                return Method(Generate(ValueKind.Entity, depth), "hasTag", TagName(depth));
            case 14:
                return DecimalTest(depth);
            case 15:
                return IpTest(depth);
            case 16:
                return GuardedAccess(depth);
            case 17:
                return Relation(Generate(ValueKind.Long, depth), Pick(Relations), LongLiteral());
            default:
                return Attribute(ValueKind.Bool, depth);
        }
    }

    private CedarExpr IsTest(int depth)
    {
        var types = Chance(50) ? Universe.PrincipalTypes : Chance(80) ? Universe.ResourceTypes : Universe.OtherTypes;
        var text = Generate(ValueKind.Entity, depth).At(CedarExpr.AddLevel) + " is " + Pick(types);
        if (Chance(35))
        {
            text += " in " + (Chance(75) ? Generate(ValueKind.Entity, depth) : EntitySet(depth)).At(CedarExpr.AddLevel);
        }

        return new CedarExpr(text, CedarExpr.RelationLevel);
    }

    private CedarExpr HasTest(int depth)
    {
        var target = Chance(70) ? VariableTarget() : Generate(Chance(50) ? ValueKind.Entity : ValueKind.Record, depth);
        var (name, kind) = Pick(Universe.Attributes);
        string attribute;
        if (kind == ValueKind.Record && IsIdentifier(name) && Chance(60))
        {
            attribute = name + "." + Pick(Universe.InfoFields).Name;
        }
        else
        {
            attribute = IsIdentifier(name) && Chance(80) ? name : CedarText.Quote(name);
        }

        return new CedarExpr(target.At(CedarExpr.AddLevel) + " has " + attribute, CedarExpr.RelationLevel);
    }

    private CedarExpr SetTest(int depth)
    {
        var set = Generate(ValueKind.Set, depth);
        return random.Next(4) switch
        {
            0 => Method(set, "contains", Generate(Pick([ValueKind.Long, ValueKind.String, ValueKind.Entity]), depth)),
            1 => Method(set, "containsAll", Generate(ValueKind.Set, depth)),
            2 => Method(set, "containsAny", Generate(ValueKind.Set, depth)),
            _ => Method(set, "isEmpty"),
        };
    }

    private CedarExpr DecimalTest(int depth)
    {
        string[] methods = ["lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual"];
        return Method(Generate(ValueKind.Decimal, depth), Pick(methods), Generate(ValueKind.Decimal, depth));
    }

    private CedarExpr IpTest(int depth)
    {
        var ip = Generate(ValueKind.IpAddr, depth);
        return random.Next(5) switch
        {
            0 => Method(ip, "isIpv4"),
            1 => Method(ip, "isIpv6"),
            2 => Method(ip, "isLoopback"),
            3 => Method(ip, "isMulticast"),
            _ => Method(ip, "isInRange", Generate(ValueKind.IpAddr, depth)),
        };
    }

    /// <summary>`E has a && E.a OP v`: the well-typed shape real policies use.</summary>
    private CedarExpr GuardedAccess(int depth)
    {
        var target = VariableTarget();
        var (name, kind) = Pick(Universe.Attributes);
        var access = new CedarExpr(target.Text + AccessSuffix(name), CedarExpr.MemberLevel);
        var has = new CedarExpr(
            target.Text + " has " + (IsIdentifier(name) ? name : CedarText.Quote(name)),
            CedarExpr.RelationLevel);
        CedarExpr test = kind switch
        {
            ValueKind.Bool => access,
            ValueKind.Long => Relation(access, Pick(Relations), LongLiteral()),
            ValueKind.Set => Method(access, "contains", Generate(ValueKind.String, depth)),
            ValueKind.Decimal => DecimalTestOn(access, depth),
            ValueKind.IpAddr => Method(access, "isInRange", Leaf(ValueKind.IpAddr)),
            ValueKind.Entity => Relation(access, "in", Generate(ValueKind.Entity, depth)),
            ValueKind.String => new CedarExpr(access.Text + " like \"" + Pick(Universe.Patterns) + "\"", CedarExpr.RelationLevel),
            _ => Relation(access, Pick(Relations), Generate(kind, depth)),
        };
        return Binary(has, "&&", test, CedarExpr.AndLevel);
    }

    private CedarExpr DecimalTestOn(CedarExpr value, int depth)
    {
        string[] methods = ["lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual"];
        return Method(value, Pick(methods), Generate(ValueKind.Decimal, depth));
    }

    private CedarExpr EntitySet(int depth)
    {
        var count = random.Next(4);
        var items = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(Generate(ValueKind.Entity, Math.Min(depth, 1)).Text);
        }

        return CedarExpr.Primary("[" + string.Join(", ", items) + "]");
    }

    private CedarExpr Binary(CedarExpr left, string op, CedarExpr right, int level) =>
        new(left.At(level) + " " + op + " " + right.At(level + 1), level);

    private static CedarExpr Relation(CedarExpr left, string op, CedarExpr right) =>
        new(left.At(CedarExpr.AddLevel) + " " + op + " " + right.At(CedarExpr.AddLevel), CedarExpr.RelationLevel);

    private static CedarExpr Unary(string op, CedarExpr operand) =>
        new(op + operand.At(CedarExpr.MemberLevel), CedarExpr.UnaryLevel);

    private static CedarExpr Method(CedarExpr target, string name, params CedarExpr[] arguments) =>
        CedarExpr.Primary(target.At(CedarExpr.MemberLevel) + "." + name + "(" + string.Join(", ", arguments.Select(a => a.Text)) + ")");
}
