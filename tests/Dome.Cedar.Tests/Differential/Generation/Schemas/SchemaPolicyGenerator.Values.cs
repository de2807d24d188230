namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>Typed values: paths into the request and literals of every schema type.</summary>
internal sealed partial class SchemaPolicyGenerator
{
    private static readonly string[] Strings = ["", "alice", "prod", "a*b", "tab\there", "\u00e9"];
    private static readonly string[] TagKeys = ["env", "team", "x y"];

    /// <summary>Every attribute chain (up to three steps) and tag reachable from the environment's variables.</summary>
    private List<TypedPath> Paths()
    {
        var found = new List<TypedPath>();
        if (env.Principal is { } principal)
        {
            Expand(found, new TypedPath("principal", new GenEntityRef(principal), []), 3);
        }

        if (env.Resource is { } resource)
        {
            Expand(found, new TypedPath("resource", new GenEntityRef(resource), []), 3);
        }

        if (env.Action is { } action)
        {
            Expand(found, new TypedPath("context", action.Context?.Resolved ?? GenRecord.Empty, []), 3);
        }

        return found;
    }

    private void Expand(List<TypedPath> found, TypedPath path, int steps)
    {
        found.Add(path);
        if (steps == 0)
        {
            return;
        }

        IReadOnlyList<GenAttribute> attributes = [];
        switch (path.Type)
        {
            case GenRecord record:
                attributes = record.Attributes;
                break;
            case GenEntityRef entity when schema.Entity(entity.Name) is { } type:
                attributes = type.Attributes;
                if (type.Tags is { } tags)
                {
                    var key = CedarText.Quote(Pick(TagKeys));
                    found.Add(new TypedPath(path.Text + ".getTag(" + key + ")", tags.Resolved, [.. path.Guards, path.Text + ".hasTag(" + key + ")"]));
                }

                break;
        }

        foreach (var attribute in attributes)
        {
            var guards = attribute.Required ? path.Guards : [.. path.Guards, path.Text + " has " + AttributeKey(attribute.Name)];
            Expand(found, new TypedPath(Access(path.Text, attribute.Name), attribute.Type.Resolved, guards), steps - 1);
        }
    }

    private static string Access(string target, string attribute) =>
        ExpressionGenerator.IsIdentifier(attribute) ? target + "." + attribute : target + "[" + CedarText.Quote(attribute) + "]";

    private static string AttributeKey(string attribute) =>
        ExpressionGenerator.IsIdentifier(attribute) ? attribute : CedarText.Quote(attribute);

    /// <summary>A value of <paramref name="type"/>; the tests it relies on are added to <paramref name="guards"/>.</summary>
    private string Value(GenType type, List<string> guards, int depth)
    {
        type = type.Resolved;
        var candidates = paths.Where(p => Same(p.Type, type) && p.Text is not ("principal" or "resource" or "context")).ToList();
        if (candidates.Count > 0 && Chance(55))
        {
            var path = Pick(candidates);
            guards.AddRange(path.Guards);
            return path.Text;
        }

        return type switch
        {
            GenPrimitive { Name: "Long" } when depth > 0 && Chance(30) =>
                "(" + Value(type, guards, depth - 1) + (Chance(50) ? " + " : " - ") + Value(type, guards, depth - 1) + ")",
            GenPrimitive { Name: "Long" } => random.Next(-3, 50).ToString(System.Globalization.CultureInfo.InvariantCulture),
            GenPrimitive { Name: "String" } => CedarText.Quote(Pick(Strings)),
            GenPrimitive => Chance(50) ? "true" : "false",
            GenExtension extension => ExtensionLiteral(extension.Name),
            GenEntityRef entity when entity.Name == env.Principal && Chance(40) => "principal",
            GenEntityRef entity when entity.Name == env.Resource && Chance(40) => "resource",
            GenEntityRef entity => Literal(entity.Name),
            GenSet set => "[" + string.Join(", ", Enumerable.Range(0, random.Next(1, 3)).Select(_ => Value(set.Element, guards, depth - 1))) + "]",
            GenRecord record => "{" + string.Join(", ", record.Attributes.Where(a => a.Required || Chance(50))
                .Select(a => AttributeKey(a.Name) + ": " + Value(a.Type, guards, depth - 1))) + "}",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    private string ExtensionLiteral(string name) => name switch
    {
        "ipaddr" => "ip(" + CedarText.Quote(Universe.IpTexts[random.Next(Universe.ValidIps)]) + ")",
        "decimal" => "decimal(" + CedarText.Quote(Universe.DecimalTexts[random.Next(Universe.ValidDecimals)]) + ")",
        "datetime" => "datetime(" + CedarText.Quote(Universe.DatetimeTexts[random.Next(Universe.ValidDatetimes)]) + ")",
        _ => "duration(" + CedarText.Quote(Universe.DurationTexts[random.Next(Universe.ValidDurations)]) + ")",
    };

    /// <summary>A type some value in the environment has (or a primitive).</summary>
    private GenType AnyType()
    {
        if (paths.Count > 0 && Chance(70))
        {
            return Pick(paths).Type;
        }

        return random.Next(4) switch
        {
            0 => GenPrimitive.Long,
            1 => GenPrimitive.String,
            2 => new GenExtension(Pick(GenExtension.Names)),
            _ => GenPrimitive.Bool,
        };
    }

    /// <summary>Structural equality of resolved types.</summary>
    private static bool Same(GenType left, GenType right)
    {
        left = left.Resolved;
        right = right.Resolved;
        return (left, right) switch
        {
            (GenPrimitive a, GenPrimitive b) => a.Name == b.Name,
            (GenExtension a, GenExtension b) => a.Name == b.Name,
            (GenEntityRef a, GenEntityRef b) => a.Name == b.Name,
            (GenSet a, GenSet b) => Same(a.Element, b.Element),
            (GenRecord a, GenRecord b) => a.Attributes.Count == b.Attributes.Count
                && a.Attributes.All(x => b.Attributes.Any(y => y.Name == x.Name && y.Required == x.Required && Same(x.Type, y.Type))),
            _ => false,
        };
    }
}
