namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// Deliberate faults, one per faulty policy: unknown attributes, optional attributes read without `has`,
/// type errors, sets and `if` branches without a least upper bound, extension misuse, unknown entity
/// types, actions and enum ids, unsafe or impossible tag access, empty sets in `in`, scopes naming
/// types the action does not apply to (a warning), impossible `in` (a warning at most).
/// </summary>
internal sealed partial class SchemaPolicyGenerator
{
    private const int FaultKinds = 16;
    private const int WrongScopeFault = 15;

    private string Fault(int kind)
    {
        var guards = new List<string>();
        var (reason, test) = kind switch
        {
            0 => ("unknown attribute", UnknownAttribute()),
            1 => ("optional attribute without `has`", UnguardedOptional(guards)),
            2 => ("`==` across types", Value(GenPrimitive.Long, guards, 1) + " == " + Value(GenPrimitive.String, guards, 1)),
            3 => ("arithmetic or ordering on a non-long", Value(Pick<GenType>([GenPrimitive.String, GenPrimitive.Bool]), guards, 1) + Pick<string>([" + 1 == 2", " < 3"])),
            4 => ("`like` on a non-string", Value(AnyType(), guards, 1) + " like \"a*\""),
            5 => ("set without a least upper bound", "[" + Value(GenPrimitive.Long, guards, 1) + ", " + Value(AnyType(), guards, 1) + "].contains(1)"),
            6 => ("`if` branches without a least upper bound",
                "(if " + Condition(1) + " then " + Value(AnyType(), guards, 1) + " else " + Value(AnyType(), guards, 1) + ") == " + Value(AnyType(), guards, 1)),
            7 => ("extension misuse", ExtensionMisuse(guards)),
            8 => ("unknown entity type", Pick<string>(["principal is Nope", "resource == Nope::\"x\"", "principal in App::Nope::\"y\""])),
            9 => ("unknown action", "action == " + (env.Action?.Type ?? "Action") + "::\"nope\""),
            10 => ("bad enum id", EnumMisuse()),
            11 => ("tag access", TagMisuse(guards)),
            12 => ("empty set in `in`", Pick<string>(["principal", "resource"]) + " in []"),
            13 => ("impossible `in` (a warning at most)", Pick<string>(["resource in principal", "principal in resource", "action in principal"])),
            14 => ("method on the wrong type", Value(AnyType(), guards, 1) + Pick<string>([".contains(1)", ".isEmpty()", ".lessThan(decimal(\"1.0\"))", ".isLoopback()", ".toHours() > 1"])),
            _ => ("scope names a type the action does not apply to", "true"),
        };
        LastFault = reason;
        return Guarded(guards, test);
    }

    private string UnknownAttribute()
    {
        var targets = paths.Where(p => p.Type is GenEntityRef or GenRecord).ToList();
        var target = targets.Count > 0 ? Pick(targets).Text : "principal";
        return Access(target, Pick<string>(["nope", "naem", "weird key 2"])) + " == 1";
    }

    private string UnguardedOptional(List<string> guards)
    {
        var optional = paths.Where(p => p.Guards.Count > 0).ToList();
        if (optional.Count == 0)
        {
            return UnknownAttribute();
        }

        var path = Pick(optional);
        // Keep all but the last guard, so exactly one optional step is unsafe.
        guards.AddRange(path.Guards.Take(path.Guards.Count - 1));
        return path.Text + " == " + Value(path.Type, guards, 1);
    }

    private string ExtensionMisuse(List<string> guards) => random.Next(6) switch
    {
        0 => "ip(\"nope\").isLoopback()",
        1 => "decimal(" + Value(GenPrimitive.String, guards, 1) + ") == decimal(\"1.0\")",
        2 => "decimal(\"1.0\") < decimal(\"2.0\")",
        3 => "ip(\"10.0.0.1\").isInRange(decimal(\"1.0\"))",
        4 => "datetime(\"2024-01-01\").toHours() > 1",
        _ => "duration(\"1h\") == datetime(\"2024-01-01\")",
    };

    private string EnumMisuse()
    {
        var enums = schema.EntityTypes.Where(e => e.EnumIds is not null).ToList();
        if (enums.Count == 0)
        {
            return "principal is Nope";
        }

        return Pick(enums).Name + "::\"purple\" == " + Pick<string>(["principal", "resource"]);
    }

    private string TagMisuse(List<string> guards)
    {
        var entities = paths.Where(p => p.Type is GenEntityRef).ToList();
        if (entities.Count == 0)
        {
            return "principal.getTag(\"env\") == \"x\"";
        }

        var path = Pick(entities);
        guards.AddRange(path.Guards);
        var tags = schema.Entity(((GenEntityRef)path.Type).Name)?.Tags;
        var value = tags is null ? "\"x\"" : Value(tags, guards, 1);
        return path.Text + ".getTag(\"env\") == " + value;
    }
}
