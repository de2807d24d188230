namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// Generates a random schema from a seed: one to three namespaces holding common types, entity types
/// (shapes with optional attributes, nested records, sets, extension types and entity references;
/// `in` parents, some with cycles; tags; enumerated types) and actions (groups, `appliesTo`, context).
/// Every base name is used once across namespaces, so no declaration shadows another.
/// </summary>
internal sealed class SchemaGenerator(Random random)
{
    private static readonly string[] NamespacePool = ["", "App", "Org::Dept"];
    private static readonly string[] EntityPool = ["User", "Group", "Team", "Doc", "Folder", "Tool", "Account", "Host"];
    private static readonly string[] EnumPool = ["Color", "Status"];
    private static readonly string[] CommonPool = ["Address", "Meta", "Limits", "Window"];
    private static readonly string[] ActionPool = ["view", "edit", "delete", "share", "call", "manage", "readOnly", "all"];

    /// <summary>Attribute names (a few need quoting in the text format).</summary>
    public static readonly string[] AttributeNames =
        ["name", "age", "level", "active", "owner", "manager", "labels", "info", "score", "addr", "created", "ttl", "email", "count", "weird key", "if"];

    public static readonly string[] EnumIds = ["red", "green", "blue", "on", "off", "a b"];

    private readonly List<string> entityNames = [];

    /// <summary>Entity types attributes may refer to (enumerated ones included).</summary>
    private readonly List<string> referable = [];
    private readonly List<(string Name, GenType Type)> commonTypes = [];

    public GenSchema Generate()
    {
        var namespaces = Shuffle(NamespacePool).Take(random.Next(1, 4)).ToList();
        var entityBases = Shuffle(EntityPool).Take(random.Next(2, 7)).ToList();
        var enumBases = Shuffle(EnumPool).Take(random.Next(100) < 50 ? random.Next(1, 3) : 0).ToList();
        foreach (var name in entityBases)
        {
            entityNames.Add(GenSchema.Qualify(Pick(namespaces), name));
        }

        // Now and then a namespaced type reuses an empty-namespace name: the reference rejects that shadowing.
        if (namespaces.Count > 1 && namespaces.Contains("") && Chance(3))
        {
            var shadowed = entityNames.FirstOrDefault(n => GenSchema.NamespaceOf(n).Length == 0);
            if (shadowed is not null)
            {
                entityNames.Add(GenSchema.Qualify(namespaces.First(n => n.Length > 0), shadowed));
            }
        }

        var enums = enumBases.Select(b => new GenEntityType
        {
            Name = GenSchema.Qualify(Pick(namespaces), b),
            EnumIds = Shuffle(EnumIds).Take(random.Next(1, 4)).ToList(),
        }).ToList();
        var allTypes = entityNames.Concat(enums.Select(e => e.Name)).ToList();
        referable.AddRange(allTypes);

        foreach (var name in Shuffle(CommonPool).Take(random.Next(0, 3)))
        {
            var type = random.Next(100) < 75 ? (GenType)Record(2) : Type(2);
            commonTypes.Add((GenSchema.Qualify(Pick(namespaces), name), type));
        }

        var entities = entityNames.Select(name => new GenEntityType
        {
            Name = name,
            Parents = Shuffle(allTypes).Where(_ => Chance(25)).Take(2).ToList(),
            Shape = Chance(80) ? (Chance(40) ? RecordOrCommon(2) : Record(2)) : null,
            Tags = Chance(25) ? Type(1) : null,
        }).Concat(enums).ToList();

        return new GenSchema
        {
            Namespaces = namespaces,
            CommonTypes = commonTypes,
            EntityTypes = entities,
            Actions = Actions(namespaces, allTypes),
        };
    }

    private List<GenAction> Actions(List<string> namespaces, List<string> types)
    {
        var actions = new List<GenAction>();
        var ids = Shuffle(ActionPool).Take(random.Next(2, 7)).ToList();
        var groupCount = ids.Count > 2 && Chance(60) ? random.Next(1, 3) : 0;
        for (var i = 0; i < ids.Count; i++)
        {
            var ns = Pick(namespaces);
            var isGroup = i < groupCount;

            // Members point only at earlier actions (groups come first), so the hierarchy has no cycle.
            var memberOf = actions.Where(_ => Chance(isGroup ? 30 : 45)).Take(2).Select(a => (a.Namespace, a.Id)).ToList();
            var applies = !isGroup || Chance(30);
            actions.Add(new GenAction
            {
                Namespace = ns,
                Id = ids[i],
                MemberOf = memberOf,
                PrincipalTypes = applies ? Shuffle(types).Take(Chance(5) ? 0 : random.Next(1, 3)).ToList() : null,
                ResourceTypes = applies ? Shuffle(types).Take(Chance(5) ? 0 : random.Next(1, 3)).ToList() : null,
                Context = applies && Chance(75) ? RecordOrCommon(2) : null,
            });
        }

        return actions;
    }

    private GenType RecordOrCommon(int depth)
    {
        var records = commonTypes.Where(c => c.Type is GenRecord).ToList();
        return records.Count > 0 && Chance(25) ? Common(Pick(records)) : Record(depth);
    }

    private GenRecord Record(int depth)
    {
        var attributes = Shuffle(AttributeNames).Take(random.Next(0, 6))
            .Select(name => new GenAttribute(name, Type(depth), Chance(70)))
            .ToList();
        return new GenRecord(attributes);
    }

    private GenType Type(int depth)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 14 => GenPrimitive.String,
            < 28 => GenPrimitive.Long,
            < 36 => GenPrimitive.Bool,
            < 50 => new GenExtension(Pick(GenExtension.Names)),
            < 66 => new GenEntityRef(Pick(referable)),
            < 76 => new GenSet(depth > 0 ? Type(depth - 1) : GenPrimitive.String),
            < 86 when depth > 0 => Record(depth - 1),
            < 94 when commonTypes.Count > 0 => Common(Pick(commonTypes)),
            _ => GenPrimitive.Long,
        };
    }

    private static GenCommonRef Common((string Name, GenType Type) common) => new(common.Name, common.Type);

    private List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private bool Chance(int percent) => random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
