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

    /// <summary>Templates, after the static policies: their ids continue the sequence.</summary>
    public IReadOnlyList<string> Templates { get; init; } = [];

    /// <summary>Per policy, then per template, the deliberate fault (null for none).</summary>
    public required IReadOnlyList<string?> Faults { get; init; }

    public string Name => "seed " + Seed.ToString(CultureInfo.InvariantCulture);

    /// <summary>The static policies as one text (policy0, policy1, ...).</summary>
    public string PolicyText => string.Join("\n", Policies);

    /// <summary>Static policies then templates, as one text: Cedar numbers them in this order.</summary>
    public string FullText => string.Join("\n", Policies.Concat(Templates));

    /// <summary>The id of template <paramref name="index"/>.</summary>
    public string TemplateId(int index) => DifferentialCase.PolicyId(Policies.Count + index);

    /// <summary>Generates the case for <paramref name="seed"/>: the same seed always gives the same case.</summary>
    public static SchemaCase Generate(int seed)
    {
        var random = new Random(seed);

        // One case in six uses the fixed vocabulary, and some of its policies come from the schema-less generator.
        var universe = random.Next(100) < 16;
        var schema = universe ? UniverseSchema.Generate(random) : new SchemaGenerator(random).Generate();
        var json = new SchemaJsonRenderer(random).Render(schema);
        var generator = new SchemaPolicyGenerator(random, schema) { MaxDepth = random.Next(1, 4), FaultPercent = universe ? 10 : 30 };
        var untyped = new PolicyGenerator(random) { MaxDepth = random.Next(1, 3) };
        var policies = new List<string>();
        var faults = new List<string?>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var plain = universe && random.Next(100) < 35;
            policies.Add(plain ? untyped.Policy() : generator.Policy());
            faults.Add(plain ? "(schema-less generator)" : generator.LastFault);
        }

        var templates = new List<string>();
        if (random.Next(100) < 20)
        {
            var plain = universe && random.Next(100) < 35;
            templates.Add(plain ? untyped.Template() : generator.Template());
            faults.Add(plain ? "(schema-less generator)" : generator.LastFault);
        }

        return new SchemaCase { Seed = seed, Schema = schema, SchemaJson = json, Policies = policies, Templates = templates, Faults = faults };
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

        for (var i = 0; i < Templates.Count; i++)
        {
            builder.Append("// template ").Append(TemplateId(i));
            builder.AppendLine(Faults[Policies.Count + i] is { } fault ? " (fault: " + fault + ")" : "");
            builder.AppendLine(Templates[i]);
        }

        return builder.ToString();
    }
}
