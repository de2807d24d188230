namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>Longs, attribute and tag access, datetime and duration arithmetic.</summary>
internal sealed partial class ExpressionGenerator
{
    private CedarExpr LongCompound(int depth)
    {
        switch (random.Next(9))
        {
            case 0:
            case 1:
                return Arith(Generate(ValueKind.Long, depth), "+", Generate(ValueKind.Long, depth), CedarExpr.AddLevel);
            case 2:
                return Arith(Generate(ValueKind.Long, depth), "-", Generate(ValueKind.Long, depth), CedarExpr.AddLevel);
            case 3:
                return Arith(Generate(ValueKind.Long, depth), "*", Generate(ValueKind.Long, depth), CedarExpr.MultLevel);
            case 4:
                return Unary("-", Generate(ValueKind.Long, depth));
            case 5:
            {
                string[] units = ["toMilliseconds", "toSeconds", "toMinutes", "toHours", "toDays"];
                return Method(Generate(ValueKind.Duration, depth), Pick(units));
            }

            case 6:
                return TagAccess(depth);
            default:
                return Attribute(ValueKind.Long, depth);
        }
    }

    private static CedarExpr Arith(CedarExpr left, string op, CedarExpr right, int level) =>
        new(left.At(level) + " " + op + " " + right.At(level + 1), level);

    private CedarExpr DatetimeCompound(int depth) =>
        random.Next(3) switch
        {
            0 => Method(Generate(ValueKind.Datetime, depth), "offset", Generate(ValueKind.Duration, depth)),
            1 => Method(Generate(ValueKind.Datetime, depth), "toDate"),
            _ => Leaf(ValueKind.Datetime),
        };

    private CedarExpr DurationCompound(int depth) =>
        random.Next(3) switch
        {
            0 => Method(Generate(ValueKind.Datetime, depth), "durationSince", Generate(ValueKind.Datetime, depth)),
            1 => Method(Generate(ValueKind.Datetime, depth), "toTime"),
            _ => Leaf(ValueKind.Duration),
        };

    private CedarExpr TagAccess(int depth) =>
        Method(Generate(ValueKind.Entity, depth), "getTag", TagName(depth));

    private CedarExpr TagName(int depth) =>
        Chance(85) ? CedarExpr.Primary(CedarText.Quote(Pick(Universe.TagNames))) : Generate(ValueKind.String, depth);

    /// <summary>An attribute access that usually yields <paramref name="kind"/>.</summary>
    private CedarExpr Attribute(ValueKind kind, int depth)
    {
        var candidates = Universe.Attributes.Where(a => a.Kind == kind).ToList();
        var useInfo = kind is ValueKind.Long or ValueKind.String or ValueKind.Bool && (candidates.Count == 0 || Chance(25));
        var target = depth > 0 && Chance(25)
            ? Generate(Chance(70) ? ValueKind.Entity : ValueKind.Record, depth - 1)
            : VariableTarget();
        if (useInfo)
        {
            var field = Universe.InfoFields.Where(f => f.Kind == kind).ToList();
            var name = field.Count > 0 && Chance(90) ? Pick(field).Name : Pick(Universe.InfoFields).Name;
            return new CedarExpr(target.At(CedarExpr.MemberLevel) + AccessSuffix("info") + AccessSuffix(name), CedarExpr.MemberLevel);
        }

        var attribute = candidates.Count > 0 && Chance(90) ? Pick(candidates).Name : Pick(Universe.Attributes).Name;
        return new CedarExpr(target.At(CedarExpr.MemberLevel) + AccessSuffix(attribute), CedarExpr.MemberLevel);
    }

    private string AccessSuffix(string name) =>
        IsIdentifier(name) && Chance(85) ? "." + name : "[" + CedarText.Quote(name) + "]";

    private CedarExpr VariableTarget() =>
        random.Next(10) switch
        {
            < 3 => CedarExpr.Primary("principal"),
            < 6 => CedarExpr.Primary("resource"),
            < 9 => CedarExpr.Primary("context"),
            _ => CedarExpr.Primary("action"),
        };
}
