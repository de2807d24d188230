namespace Dome.Cedar.Json;

/// <summary>
/// A policy or template in Cedar's JSON policy format (the "EST"): the shape
/// <c>{"effect", "principal", "action", "resource", "conditions", "annotations"}</c>.
/// </summary>
internal sealed record EstPolicy
{
    public required EstEffect Effect { get; init; }

    public required EstScope Principal { get; init; }

    public required EstScope Action { get; init; }

    public required EstScope Resource { get; init; }

    public required IReadOnlyList<EstCondition> Conditions { get; init; }

    /// <summary>Annotations in order; a <c>null</c> value is an annotation written without a value (<c>@key</c>).</summary>
    public required IReadOnlyList<KeyValuePair<string, string?>> Annotations { get; init; }

    /// <summary>True when a scope constraint names a slot, so this is a template.</summary>
    public bool IsTemplate => Principal.Slot is not null || Resource.Slot is not null;
}
