using System.Globalization;
using System.Text;

namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// One generated validation case: a schema (model and its JSON-format rendering) and policies written
/// against it (ids policy0, policy1, ... in order), with the fault deliberately put in each, if any.
/// </summary>
internal sealed record SchemaCase
{
    public required int Seed { get; init; }

    public required GenSchema Schema { get; init; }

    public required string SchemaJson { get; init; }

    public required IReadOnlyList<string> Policies { get; init; }

    /// <summary>Per policy, the deliberate fault (null for none).</summary>
    public required IReadOnlyList<string?> Faults { get; init; }

    public string Name => "seed " + Seed.ToString(CultureInfo.InvariantCulture);

    public string PolicyText => string.Join("\n", Policies);

    /// <summary>Generates the case for <paramref name="seed"/>: the same seed always gives the same case.</summary>
    public static SchemaCase Generate(int seed)
    {
        var random = new Random(seed);
        var schema = new SchemaGenerator(random).Generate();
        var json = new SchemaJsonRenderer(random).Render(schema);
        var generator = new SchemaPolicyGenerator(random, schema) { MaxDepth = random.Next(1, 4), FaultPercent = 30 };
        var policies = new List<string>();
        var faults = new List<string?>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            policies.Add(generator.Policy());
            faults.Add(generator.LastFault);
        }

        return new SchemaCase { Seed = seed, Schema = schema, SchemaJson = json, Policies = policies, Faults = faults };
    }

    /// <summary>Everything needed to replay the case by hand (e.g. with `dome cedar validate`).</summary>
    public string Describe()
    {
        var builder = new StringBuilder();
        builder.Append("case ").Append(Name).AppendLine(" (replay: SchemaCase.Generate(seed), or DOME_CEDAR_VALDIFF_FIRST_SEED=seed DOME_CEDAR_VALDIFF_CASES=1)");
        builder.Append("schema (JSON): ").AppendLine(SchemaJson);
        for (var i = 0; i < Policies.Count; i++)
        {
            builder.Append("// ").Append(DifferentialCase.PolicyId(i));
            builder.AppendLine(Faults[i] is { } fault ? " (fault: " + fault + ")" : "");
            builder.AppendLine(Policies[i]);
        }

        return builder.ToString();
    }
}
