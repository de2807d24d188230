namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>
/// Generates Cedar expressions of a wanted type, mostly well typed (so decisions vary) with a
/// share of ill-typed, overflowing and missing-attribute expressions (so errors are covered).
/// Text is written directly; parentheses only where the grammar needs them, or at random.
/// </summary>
internal sealed partial class ExpressionGenerator(Random random)
{
    private static readonly ValueKind[] AllKinds = Enum.GetValues<ValueKind>();

    /// <summary>Chance (percent) that a sub-expression is replaced by one of any type.</summary>
    public int IllTypedPercent { get; init; } = 4;

    public CedarExpr Condition(int depth) => Generate(ValueKind.Bool, depth);

    public CedarExpr Generate(ValueKind kind, int depth)
    {
        if (depth > 0 && Chance(IllTypedPercent))
        {
            kind = Pick(AllKinds);
        }

        var expr = depth <= 0 || Chance(25) ? Leaf(kind) : Compound(kind, depth - 1);
        return Chance(3) ? new CedarExpr("(" + expr.Text + ")", CedarExpr.MemberLevel) : expr;
    }

    private CedarExpr Compound(ValueKind kind, int depth)
    {
        if (Chance(6))
        {
            return IfThenElse(kind, depth);
        }

        return kind switch
        {
            ValueKind.Bool => BoolCompound(depth),
            ValueKind.Long => LongCompound(depth),
            ValueKind.String => Chance(50) ? TagAccess(depth) : Leaf(kind),
            ValueKind.Entity => Chance(30) ? Attribute(ValueKind.Entity, depth) : Leaf(kind),
            ValueKind.Set => SetLiteral(depth),
            ValueKind.Record => RecordLiteral(depth),
            ValueKind.Decimal or ValueKind.IpAddr => Leaf(kind),
            ValueKind.Datetime => DatetimeCompound(depth),
            ValueKind.Duration => DurationCompound(depth),
            _ => Leaf(kind),
        };
    }

    private CedarExpr Leaf(ValueKind kind)
    {
        if (Chance(35))
        {
            return Attribute(kind, 0);
        }

        return kind switch
        {
            ValueKind.Bool => CedarExpr.Primary(Chance(50) ? "true" : "false"),
            ValueKind.Long => LongLiteral(),
            ValueKind.String => CedarExpr.Primary(CedarText.Quote(Pick(Universe.Strings), escapeNonAscii: Chance(30))),
            ValueKind.Entity => EntityTerm(),
            ValueKind.Set => SetLiteral(0),
            ValueKind.Record => RecordLiteral(0),
            ValueKind.Decimal => Call("decimal", Pick(Universe.DecimalTexts)),
            ValueKind.IpAddr => Call("ip", Pick(Universe.IpTexts)),
            ValueKind.Datetime => Call("datetime", Pick(Universe.DatetimeTexts)),
            ValueKind.Duration => Call("duration", Pick(Universe.DurationTexts)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private CedarExpr IfThenElse(ValueKind kind, int depth) =>
        new(
            "if " + Generate(ValueKind.Bool, depth).Text + " then " + Generate(kind, depth).Text
            + " else " + Generate(kind, depth).Text,
            CedarExpr.IfLevel);

    private CedarExpr LongLiteral()
    {
        long value = random.Next(10) switch
        {
            0 => long.MaxValue,
            1 => long.MinValue,
            2 => long.MaxValue - random.Next(3),
            3 => (long)random.Next(-3, 3) * 4611686018427387904L,
            4 => random.NextInt64(-10_000_000_000, 10_000_000_000),
            _ => random.Next(-5, 40),
        };
        var text = CedarText.Long(value);
        return new CedarExpr(text, value < 0 ? CedarExpr.UnaryLevel : CedarExpr.MemberLevel);
    }

    private CedarExpr EntityTerm()
    {
        return random.Next(8) switch
        {
            0 or 1 => CedarExpr.Primary("principal"),
            2 or 3 => CedarExpr.Primary("resource"),
            4 => CedarExpr.Primary("action"),
            5 => CedarExpr.Primary("Action::" + CedarText.Quote(Pick(Universe.Actions).Id)),
            _ => CedarExpr.Primary(CedarText.Entity(AnyEntity())),
        };
    }

    public EntityRef AnyEntity()
    {
        var types = Chance(90)
            ? (Chance(50) ? Universe.PrincipalTypes : Universe.ResourceTypes)
            : Universe.OtherTypes;
        var type = Pick(types);
        return new EntityRef(type, Pick(Universe.Ids[type]));
    }

    private CedarExpr SetLiteral(int depth)
    {
        var count = random.Next(4);
        var element = Chance(70) ? Pick([ValueKind.Long, ValueKind.String, ValueKind.Entity]) : Pick(AllKinds);
        var items = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(Generate(Chance(85) ? element : Pick(AllKinds), Math.Min(depth, 1)).Text);
        }

        return CedarExpr.Primary("[" + string.Join(", ", items) + "]");
    }

    private CedarExpr RecordLiteral(int depth)
    {
        var fields = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var count = random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var (name, kind) = Chance(50) ? Pick(Universe.InfoFields) : Pick(Universe.Attributes);
            if (!used.Add(name))
            {
                continue;
            }

            var key = IsIdentifier(name) && Chance(70) ? name : CedarText.Quote(name);
            fields.Add(key + ": " + Generate(kind, Math.Min(depth, 1)).Text);
        }

        return CedarExpr.Primary("{" + string.Join(", ", fields) + "}");
    }

    private CedarExpr Call(string function, string argument) =>
        CedarExpr.Primary(function + "(" + CedarText.Quote(argument) + ")");

    internal static bool IsIdentifier(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && name is not ("true" or "false" or "if" or "then" or "else" or "in" or "is" or "like" or "has");

    private bool Chance(int percent) => random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
