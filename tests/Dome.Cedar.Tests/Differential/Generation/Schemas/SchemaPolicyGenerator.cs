using System.Text;

namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// Writes policies against a generated schema: a scope chosen from the schema's actions and the types
/// they apply to, then conditions typed against that environment (attribute chains guarded by `has`,
/// tags by `hasTag`, extension values from valid literals). With <see cref="FaultPercent"/> a policy gets
/// one deliberate fault (see <see cref="SchemaPolicyGenerator"/>'s Faults part), so a good share of
/// policies are invalid for a known reason while the rest are mostly valid.
/// </summary>
internal sealed partial class SchemaPolicyGenerator(Random random, GenSchema schema)
{
    private static readonly string[] Ids = ["a", "b", "c d", ""];

    private PolicyEnvironment env = new(null, null, null);
    private List<TypedPath> paths = [];

    /// <summary>Chance (percent) that a policy carries one deliberate fault.</summary>
    public int FaultPercent { get; init; } = 30;

    /// <summary>Maximum depth of generated conditions.</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>Whether the last policy got a deliberate fault, and which.</summary>
    public string? LastFault { get; private set; }

    public string Policy() => Write(template: false);

    /// <summary>A template: `?principal`, `?resource` or both in the scope.</summary>
    public string Template() => Write(template: true);

    private string Write(bool template)
    {
        var builder = new StringBuilder();
        if (Chance(10))
        {
            builder.Append("@id(\"p").Append(random.Next(100)).Append("\")\n");
        }

        var fault = Chance(FaultPercent) ? random.Next(FaultKinds) : -1;
        LastFault = null;
        var scope = Scope(fault, template);
        paths = Paths();
        builder.Append(Chance(75) ? "permit" : "forbid").Append(" (\n  ").Append(scope).Append("\n)");
        var clauses = new List<string>();
        var count = random.Next(0, 3);
        for (var i = 0; i < count; i++)
        {
            clauses.Add(Condition(random.Next(1, MaxDepth + 1)));
        }

        if (fault >= 0 && LastFault is null)
        {
            var faulty = Fault(fault);
            if (clauses.Count == 0 || Chance(40))
            {
                clauses.Add(faulty);
            }
            else
            {
                var at = random.Next(clauses.Count);
                clauses[at] = Chance(50) ? "(" + clauses[at] + ") && " + faulty : faulty + " && (" + clauses[at] + ")";
            }
        }

        foreach (var clause in clauses)
        {
            builder.Append(Chance(80) ? "\nwhen { " : "\nunless { ").Append(clause).Append(" }");
        }

        return builder.Append(';').ToString();
    }

    /// <summary>The scope: principal, action and resource constraints; sets <see cref="env"/>.</summary>
    private string Scope(int fault, bool template)
    {
        var applicable = schema.Actions.Where(a => a.Applies).ToList();
        if (applicable.Count == 0)
        {
            env = new PolicyEnvironment(null, null, null);
            return template ? "principal in ?principal, action, resource" : "principal, action, resource";
        }

        var action = Pick(applicable);
        env = new PolicyEnvironment(Pick(action.PrincipalTypes!), Pick(action.ResourceTypes!), action);
        string actionScope;
        var roll = random.Next(100);
        if (roll < 55)
        {
            actionScope = "action == " + action.Literal;
        }
        else if (roll < 70 && Groups(action).ToList() is { Count: > 0 } groups)
        {
            actionScope = "action in " + Pick(groups).Literal;
        }
        else if (roll < 80)
        {
            var others = schema.Actions.Where(_ => Chance(40)).Append(action).Distinct().Select(a => a.Literal);
            actionScope = "action in [" + string.Join(", ", others) + "]";
        }
        else
        {
            actionScope = "action";
        }

        var principal = VariableScope("principal", env.Principal!, action.PrincipalTypes!);
        var resource = VariableScope("resource", env.Resource!, action.ResourceTypes!);
        if (fault == WrongScopeFault)
        {
            LastFault = "scope names a type the action does not apply to";
            var others = schema.EntityTypes.Select(e => e.Name).Where(t => !action.PrincipalTypes!.Contains(t)).ToList();
            principal = "principal is " + (others.Count > 0 && Chance(70) ? Pick(others) : "Nope");
        }

        if (template)
        {
            var principalSlot = Chance(65);
            if (principalSlot)
            {
                principal = SlotScope("principal", env.Principal!);
            }

            if (!principalSlot || Chance(40))
            {
                resource = SlotScope("resource", env.Resource!);
            }
        }

        return principal + ",\n  " + actionScope + ",\n  " + resource;
    }

    private string VariableScope(string variable, string type, IReadOnlyList<string> allowed)
    {
        var single = allowed.Count == 1;
        var parents = schema.Entity(type)?.Parents ?? [];
        return random.Next(100) switch
        {
            < 35 => variable + " is " + type,
            < 50 => variable + " == " + Literal(type),
            < 60 when parents.Count > 0 => variable + " in " + Literal(Pick(parents)),
            < 70 when parents.Count > 0 => variable + " is " + type + " in " + Literal(Pick(parents)),
            < 85 when single || Chance(40) => variable,
            _ => variable + " is " + type,
        };
    }

    private string SlotScope(string variable, string type) => random.Next(3) switch
    {
        0 => variable + " == ?" + variable,
        1 => variable + " in ?" + variable,
        _ => variable + " is " + type + " in ?" + variable,
    };

    /// <summary>Actions that <paramref name="action"/> is (transitively) in.</summary>
    private IEnumerable<GenAction> Groups(GenAction action)
    {
        foreach (var (ns, id) in action.MemberOf)
        {
            var group = schema.Actions.FirstOrDefault(a => a.Namespace == ns && a.Id == id);
            if (group is not null)
            {
                yield return group;
                foreach (var outer in Groups(group))
                {
                    yield return outer;
                }
            }
        }
    }

    /// <summary>An entity literal of <paramref name="type"/>: a declared id for enumerated types.</summary>
    private string Literal(string type)
    {
        var ids = schema.Entity(type)?.EnumIds ?? Ids;
        return type + "::" + CedarText.Quote(Pick(ids));
    }

    private bool Chance(int percent) => random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
