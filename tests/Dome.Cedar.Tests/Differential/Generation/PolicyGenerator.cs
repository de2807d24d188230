using System.Text;

namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>Writes whole policies and templates: annotations, effect, scope and conditions.</summary>
internal sealed class PolicyGenerator(Random random)
{
    private readonly ExpressionGenerator expressions = new(random);

    /// <summary>Maximum depth of generated condition expressions.</summary>
    public int MaxDepth { get; init; } = 4;

    public string Policy() => Write(template: false);

    /// <summary>A template: at least one of `?principal` / `?resource` in the scope.</summary>
    public string Template() => Write(template: true);

    private string Write(bool template)
    {
        var builder = new StringBuilder();
        Annotations(builder);
        if (Chance(10))
        {
            builder.Append("// a comment \"with\" quotes; permit(principal, action, resource);\n");
        }

        builder.Append(Chance(70) ? "permit" : "forbid").Append(Chance(10) ? "( // inline\n" : " (\n  ");
        var principalSlot = template && Chance(70);
        var resourceSlot = template && (!principalSlot || Chance(50));
        builder.Append(Scope("principal", Universe.PrincipalTypes, principalSlot)).Append(",\n  ");
        builder.Append(ActionScope()).Append(",\n  ");
        builder.Append(Scope("resource", Universe.ResourceTypes, resourceSlot)).Append("\n)");
        var clauses = random.Next(template ? 2 : 4);
        for (var i = 0; i < clauses; i++)
        {
            builder.Append(Chance(75) ? "\nwhen { " : "\nunless { ")
                .Append(expressions.Condition(random.Next(1, MaxDepth + 1)).Text)
                .Append(" }");
        }

        builder.Append(';');
        return builder.ToString();
    }

    private void Annotations(StringBuilder builder)
    {
        if (Chance(20))
        {
            builder.Append("@id(").Append(CedarText.Quote("rule " + random.Next(100))).Append(")\n");
        }

        if (Chance(10))
        {
            builder.Append("@escalate\n");
        }

        if (Chance(10))
        {
            builder.Append("@advice(").Append(CedarText.Quote(Pick(Universe.Strings))).Append(")\n");
        }
    }

    private string Scope(string variable, string[] types, bool slot)
    {
        var target = slot ? "?" + variable : null;
        var typeList = Chance(90) ? types : Universe.OtherTypes;
        var type = Pick(typeList);
        string Entity() => target ?? CedarText.Entity(new EntityRef(type, Pick(Universe.Ids[type])));
        if (slot)
        {
            return random.Next(3) switch
            {
                0 => variable + " == " + target,
                1 => variable + " in " + target,
                _ => variable + " is " + type + " in " + target,
            };
        }

        return random.Next(10) switch
        {
            < 3 => variable,
            < 6 => variable + " == " + Entity(),
            < 8 => variable + " in " + Entity(),
            8 => variable + " is " + type,
            _ => variable + " is " + type + " in " + Entity(),
        };
    }

    private string ActionScope()
    {
        string Action() => "Action::" + CedarText.Quote(Pick(Universe.Actions).Id);
        switch (random.Next(10))
        {
            case < 3:
                return "action";
            case < 6:
                return "action == " + Action();
            case < 8:
                return "action in " + Action();
            default:
            {
                var count = random.Next(4);
                var items = Enumerable.Range(0, count).Select(_ => Action());
                return "action in [" + string.Join(", ", items) + "]";
            }
        }
    }

    private bool Chance(int percent) => random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
