namespace Dome.Cedar.Json;

/// <summary>
/// A policy set in Cedar's JSON form: <c>{"staticPolicies": {id: policy}, "templates": {id: template},
/// "templateLinks": [link]}</c>. Ids share one namespace across the three parts.
/// </summary>
internal sealed record EstPolicySet
{
    public required IReadOnlyList<KeyValuePair<string, EstPolicy>> StaticPolicies { get; init; }

    public required IReadOnlyList<KeyValuePair<string, EstPolicy>> Templates { get; init; }

    public required IReadOnlyList<EstTemplateLink> TemplateLinks { get; init; }
}
