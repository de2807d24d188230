namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>Boolean conditions: guarded atoms combined with `&amp;&amp;`, `||`, `!` and `if`.</summary>
internal sealed partial class SchemaPolicyGenerator
{
    private static readonly string[] Comparisons = ["<", "<=", ">", ">=", "==", "!="];
    private static readonly string[] Patterns = ["*", "a*", "*b*", "alice", "\\*"];

    private string Condition(int depth)
    {
        if (depth <= 0 || Chance(35))
        {
            return Atom(depth);
        }

        return random.Next(10) switch
        {
            < 4 => "(" + Condition(depth - 1) + " && " + Condition(depth - 1) + ")",
            < 7 => "(" + Condition(depth - 1) + " || " + Condition(depth - 1) + ")",
            < 9 => "!" + Condition(depth - 1),
            _ => "(if " + Condition(depth - 1) + " then " + Condition(depth - 1) + " else " + Condition(depth - 1) + ")",
        };
    }

    /// <summary>One test, preceded by the guards its values need: `(g1 &amp;&amp; g2 &amp;&amp; test)`.</summary>
    private string Atom(int depth)
    {
        var guards = new List<string>();
        var test = Test(guards, depth);
        return Guarded(guards, test);
    }

    /// <summary>Now and then writes `x has a &amp;&amp; x.a has b` as the single test `x has a.b`.</summary>
    private List<string> MergeHasChains(List<string> guards)
    {
        for (var i = 0; i + 1 < guards.Count; i++)
        {
            var at = guards[i].IndexOf(" has ", StringComparison.Ordinal);
            var next = guards[i + 1].IndexOf(" has ", StringComparison.Ordinal);
            if (at < 0 || next < 0 || !Chance(40))
            {
                continue;
            }

            var target = guards[i][..at];
            var attribute = guards[i][(at + 5)..];
            if (ExpressionGenerator.IsIdentifier(attribute) && guards[i + 1][..next] == target + "." + attribute
                && ExpressionGenerator.IsIdentifier(guards[i + 1][(next + 5)..]))
            {
                guards[i] = target + " has " + attribute + "." + guards[i + 1][(next + 5)..];
                guards.RemoveAt(i + 1);
            }
        }

        return guards;
    }

    /// <summary>
    /// The test behind its guards: mostly `g &amp;&amp; test`, sometimes `if g then test else false` (also safe), and now
    /// and then `!g || test` or `g || test` (unsafe: the reference keeps no capability from a negated or failed test).
    /// </summary>
    private string Guarded(List<string> guards, string test)
    {
        var distinct = MergeHasChains(guards.Distinct().ToList());
        if (distinct.Count == 0)
        {
            return "(" + test + ")";
        }

        var guard = string.Join(" && ", distinct);
        return random.Next(100) switch
        {
            < 78 => "(" + guard + " && " + test + ")",
            < 92 => "(if " + guard + " then " + test + " else " + Pick<string>(["false", "true"]) + ")",
            < 97 => "(!(" + guard + ") || " + test + ")",
            _ => "(" + guard + " || " + test + ")",
        };
    }

    private string Test(List<string> guards, int depth)
    {
        switch (random.Next(15))
        {
            case 13:
            case 14:
                return MixedTest(guards, depth);
            case 0:
                return Value(GenPrimitive.Bool, guards, depth);
            case 1:
            case 2:
                return Value(GenPrimitive.Long, guards, depth) + " " + Pick(Comparisons) + " " + Value(GenPrimitive.Long, guards, depth);
            case 3:
            {
                var type = AnyType();
                return Value(type, guards, depth) + (Chance(70) ? " == " : " != ") + Value(type, guards, depth);
            }

            case 4:
                return Value(GenPrimitive.String, guards, depth) + " like " + CedarText.Quote(Pick(Patterns)).Replace("\\\\*", "\\*", StringComparison.Ordinal);
            case 5:
                return EntityTest(guards, depth);
            case 6:
            {
                var variable = Pick<string>(["principal", "resource", "context"]);
                var target = paths.Where(p => p.Text.StartsWith(variable, StringComparison.Ordinal) && p.Type is GenRecord or GenEntityRef).ToList();
                var path = target.Count > 0 ? Pick(target) : null;
                if (path is null)
                {
                    return "true";
                }

                guards.AddRange(path.Guards);
                return path.Text + " has " + AttributeKey(Pick(SchemaGenerator.AttributeNames));
            }

            case 7:
                return SetTest(guards, depth);
            case 8:
            case 9:
                return ExtensionTest(guards, depth);
            case 10:
            {
                var entities = paths.Where(p => p.Type is GenEntityRef e && schema.Entity(e.Name)?.Tags is not null).ToList();
                if (entities.Count == 0)
                {
                    return EntityTest(guards, depth);
                }

                var path = Pick(entities);
                guards.AddRange(path.Guards);
                var keys = paths.Where(p => p.Type is GenPrimitive { Name: "String" }).ToList();
                if (keys.Count == 0 || Chance(50))
                {
                    return path.Text + ".hasTag(" + CedarText.Quote(Pick(TagKeys)) + ")";
                }

                // A computed tag key: `e.hasTag(k) && e.getTag(k)` is safe only when both keys are the same expression.
                var key = Pick(keys);
                guards.AddRange(key.Guards);
                var other = Chance(80) ? key : Pick(keys);
                var tags = schema.Entity(((GenEntityRef)path.Type).Name)!.Tags!;
                return path.Text + ".hasTag(" + key.Text + ") && " + path.Text + ".getTag(" + other.Text + ") == " + Value(tags, guards, depth);
            }

            default:
                return EntityTest(guards, depth);
        }
    }

    private string EntityTest(List<string> guards, int depth)
    {
        var entityTypes = schema.EntityTypes.Select(e => e.Name).ToList();
        var variable = Pick<string>(["principal", "resource"]);
        var type = variable == "principal" ? env.Principal : env.Resource;
        switch (random.Next(6))
        {
            case 0:
                return variable + " is " + Pick(entityTypes);
            case 1:
            {
                var parents = type is null ? [] : schema.Entity(type)?.Parents ?? [];
                var target = parents.Count > 0 && Chance(70) ? Pick(parents) : Pick(entityTypes);
                return variable + " in " + (Chance(30) ? "[" + Value(new GenEntityRef(target), guards, depth) + "]" : Value(new GenEntityRef(target), guards, depth));
            }

            case 2:
                return "principal in resource";
            case 3 when env.Action is { } action:
                return "action " + (Chance(50) ? "== " : "in ") + Pick(schema.Actions.Where(a => a.Namespace == action.Namespace).ToList()).Literal;
            default:
            {
                var entityPaths = paths.Where(p => p.Type is GenEntityRef).ToList();
                if (entityPaths.Count == 0)
                {
                    return variable + " is " + Pick(entityTypes);
                }

                var path = Pick(entityPaths);
                guards.AddRange(path.Guards);
                return Chance(50)
                    ? path.Text + " == " + Value(path.Type, guards, depth)
                    : path.Text + " in " + Value(new GenEntityRef(Pick(entityTypes)), guards, depth);
            }
        }
    }

    /// <summary>Tests mixing types the least-upper-bound rules care about: entities of two types, records of two shapes.</summary>
    private string MixedTest(List<string> guards, int depth)
    {
        string Entity() => Pick<string>(["principal", "resource", Value(new GenEntityRef(Pick(schema.EntityTypes).Name), guards, depth)]);
        string Any() => Value(AnyType(), guards, depth);
        string Cond() => depth > 0 ? Condition(depth - 1) : Pick<string>(["true", "false"]);
        return random.Next(8) switch
        {
            0 => "[" + Entity() + ", " + Entity() + "].contains(" + Entity() + ")",
            1 => "(if " + Cond() + " then " + Entity() + " else " + Entity() + ") == " + Entity(),
            2 => Entity() + (Chance(50) ? " == " : " != ") + Entity(),
            3 => "(if " + Cond() + " then " + Entity() + " else " + Entity() + ") in " + Entity(),
            4 => "{a: " + Any() + "} == {a: " + Any() + (Chance(50) ? ", b: " + Any() : "") + "}",
            5 => "[" + Any() + ", " + Any() + "] == [" + Any() + "]",
            6 => "(if " + Cond() + " then " + Any() + " else " + Any() + ") == " + Any(),
            _ => Entity() + " is " + Pick(schema.EntityTypes).Name + " && " + Entity() + " in [" + Entity() + ", " + Entity() + "]",
        };
    }

    private string SetTest(List<string> guards, int depth)
    {
        var sets = paths.Where(p => p.Type is GenSet).ToList();
        GenSet set;
        string text;
        if (sets.Count > 0 && Chance(70))
        {
            var path = Pick(sets);
            guards.AddRange(path.Guards);
            set = (GenSet)path.Type;
            text = path.Text;
        }
        else
        {
            set = new GenSet(AnyType());
            text = Value(set, guards, depth);
        }

        return random.Next(4) switch
        {
            0 => text + ".contains(" + Value(set.Element, guards, depth) + ")",
            1 => text + ".containsAll(" + Value(set, guards, depth) + ")",
            2 => text + ".containsAny(" + Value(set, guards, depth) + ")",
            _ => (Chance(50) ? "!" : "") + text + ".isEmpty()",
        };
    }

    private string ExtensionTest(List<string> guards, int depth)
    {
        var name = Pick(GenExtension.Names);
        var type = new GenExtension(name);
        var value = Value(type, guards, depth);
        return name switch
        {
            "ipaddr" => random.Next(4) switch
            {
                0 => value + ".isInRange(" + Value(type, guards, depth) + ")",
                1 => value + ".isLoopback()",
                2 => value + ".isMulticast()",
                _ => value + (Chance(50) ? ".isIpv4()" : ".isIpv6()"),
            },
            "decimal" => value + "." + Pick<string>(["lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual"]) + "(" + Value(type, guards, depth) + ")",
            "datetime" => random.Next(3) switch
            {
                0 => value + " " + Pick(Comparisons) + " " + Value(type, guards, depth),
                1 => value + ".offset(" + Value(new GenExtension("duration"), guards, depth) + ") > " + Value(type, guards, depth),
                _ => value + ".durationSince(" + Value(type, guards, depth) + ").toMinutes() > " + Value(GenPrimitive.Long, guards, depth),
            },
            _ => Chance(50)
                ? value + " " + Pick(Comparisons) + " " + Value(type, guards, depth)
                : value + "." + Pick<string>(["toDays", "toHours", "toMinutes", "toSeconds", "toMilliseconds"]) + "() == " + Value(GenPrimitive.Long, guards, depth),
        };
    }
}
