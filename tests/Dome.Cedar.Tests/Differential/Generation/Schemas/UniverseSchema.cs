namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// A random schema over the fixed vocabulary of <see cref="Universe"/> (the types, attributes and actions the
/// schema-less <see cref="PolicyGenerator"/> writes policies with), so those policies can be validated too.
/// </summary>
internal static class UniverseSchema
{
    public static GenSchema Generate(Random random)
    {
        var info = new GenRecord([.. Universe.InfoFields.Select(f => new GenAttribute(f.Name, Type(random, f.Kind, null), random.Next(100) < 70))]);
        GenRecord Shape() => new([.. Universe.Attributes.Where(_ => random.Next(100) < 55)
            .Select(a => new GenAttribute(a.Name, Type(random, a.Kind, info), random.Next(100) < 65))]);

        var entities = new List<GenEntityType>();
        foreach (var type in Universe.PrincipalTypes.Concat(Universe.ResourceTypes))
        {
            var parent = Universe.PrincipalTypes.Contains(type) ? "Group" : "Folder";
            entities.Add(new GenEntityType
            {
                Name = type,
                Parents = random.Next(100) < 85 ? [parent] : [],
                Shape = random.Next(100) < 85 ? Shape() : null,
                Tags = random.Next(100) < 30 ? (random.Next(2) == 0 ? GenPrimitive.String : GenPrimitive.Long) : null,
            });
        }

        var actions = Universe.Actions.Select(a => new GenAction
        {
            Namespace = "",
            Id = a.Id,
            MemberOf = [.. a.Parents.Select(p => ("", p))],
            PrincipalTypes = a.Parents.Length == 0 && random.Next(2) == 0 ? null : Subset(random, Universe.PrincipalTypes),
            ResourceTypes = Subset(random, Universe.ResourceTypes),
            Context = random.Next(100) < 70 ? Shape() : null,
        }).Select(a => a.PrincipalTypes is null ? a with { ResourceTypes = null, Context = null } : a).ToList();

        return new GenSchema { Namespaces = ["", "App"], CommonTypes = [], EntityTypes = entities, Actions = actions };
    }

    private static List<string> Subset(Random random, string[] types)
    {
        var picked = types.Where(_ => random.Next(100) < 60).ToList();
        return picked.Count > 0 ? picked : [types[random.Next(types.Length)]];
    }

    private static GenType Type(Random random, ValueKind kind, GenRecord? info) => kind switch
    {
        ValueKind.Long => GenPrimitive.Long,
        ValueKind.String => GenPrimitive.String,
        ValueKind.Bool => GenPrimitive.Bool,
        ValueKind.Set => new GenSet(random.Next(2) == 0 ? GenPrimitive.String : GenPrimitive.Long),
        ValueKind.Entity => new GenEntityRef(Universe.PrincipalTypes[random.Next(Universe.PrincipalTypes.Length)]),
        ValueKind.Record => info ?? GenRecord.Empty,
        ValueKind.Decimal => new GenExtension("decimal"),
        ValueKind.IpAddr => new GenExtension("ipaddr"),
        ValueKind.Datetime => new GenExtension("datetime"),
        _ => new GenExtension("duration"),
    };
}
