using System.Text.Json;

namespace Dome.Gateway.Output;

/// <summary>
/// Removes the records that <see cref="Records"/> selects (for example <c>$.tickets[*]</c>) when the value at
/// <see cref="Where"/> (a path inside the record, <c>$</c> being the record) satisfies exactly one of
/// <see cref="Is"/>, <see cref="IsNot"/>, <see cref="In"/> or <see cref="Exists"/>.
/// </summary>
public sealed record DropRule
{
    public required string Records { get; init; }

    public required string Where { get; init; }

    /// <summary>The value equals this JSON value.</summary>
    public JsonElement? Is { get; init; }

    /// <summary>The value exists and differs from this JSON value.</summary>
    public JsonElement? IsNot { get; init; }

    /// <summary>The value equals one of these.</summary>
    public IReadOnlyList<JsonElement>? In { get; init; }

    /// <summary>The value is present (true) or absent (false).</summary>
    public bool? Exists { get; init; }
}
