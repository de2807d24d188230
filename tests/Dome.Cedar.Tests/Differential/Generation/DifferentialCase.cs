using System.Text;

namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>
/// One generated case: a policy set (static policies with ids policy0, policy1, ... in order,
/// then templates continuing that sequence, then links named link0, link1, ...), an entity store
/// as JSON, and requests against them.
/// </summary>
internal sealed record DifferentialCase
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Policies { get; init; }

    public required IReadOnlyList<GeneratedTemplate> Templates { get; init; }

    public required IReadOnlyList<GeneratedLink> Links { get; init; }

    public required string EntitiesJson { get; init; }

    public required IReadOnlyList<GeneratedRequest> Requests { get; init; }

    /// <summary>When set, Dome reads the policy set in the JSON policy format the oracle produced.</summary>
    public bool UseJsonFormat { get; init; }

    /// <summary>Whether one policy's text was deliberately damaged (it may no longer parse).</summary>
    public bool Mutated { get; init; }

    public static string PolicyId(int index) => "policy" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The static policies as one text (ids follow file order: policy0, policy1, ...).</summary>
    public string PolicyText => string.Join("\n", Policies);

    /// <summary>Static policies then templates, as one text: Cedar numbers them policy0, policy1, ... in this order.</summary>
    public string FullText => string.Join("\n", Policies.Concat(Templates.Select(t => t.Text)));

    /// <summary>Everything needed to reproduce the case by hand.</summary>
    public string Describe()
    {
        var builder = new StringBuilder();
        builder.Append("case ").AppendLine(Name);
        if (Mutated)
        {
            builder.AppendLine("one policy text deliberately damaged");
        }

        builder.AppendLine(UseJsonFormat ? "policy format: JSON (from the oracle's policyToJson)" : "policy format: text");
        for (var i = 0; i < Policies.Count; i++)
        {
            builder.Append("// ").AppendLine(PolicyId(i)).AppendLine(Policies[i]);
        }

        foreach (var template in Templates)
        {
            builder.Append("// template ").AppendLine(template.Id).AppendLine(template.Text);
        }

        foreach (var link in Links)
        {
            builder.Append("// link ").Append(link.NewId).Append(" = ").Append(link.TemplateId)
                .Append(" ?principal=").Append(link.Principal?.ToString() ?? "-")
                .Append(" ?resource=").AppendLine(link.Resource?.ToString() ?? "-");
        }

        builder.Append("entities: ").AppendLine(EntitiesJson);
        return builder.ToString();
    }
}
