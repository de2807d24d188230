namespace Dome.Functions.Contracts;

/// <summary>The body of <c>POST /v1/admin/policy</c>: Cedar files by name, and optionally a schema replacing Dome's.</summary>
internal sealed record PublishPolicyRequest
{
    public required Dictionary<string, string> Files { get; init; }

    public string? Schema { get; init; }
}
