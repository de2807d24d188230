namespace Dome.Gateway.Policy;

/// <summary>An approved approval that matches the call exactly: it goes into <c>context.approval</c>.</summary>
internal sealed record ApprovalGrant
{
    public required string Id { get; init; }

    /// <summary>An administrator's actor id, or `judge`.</summary>
    public required string By { get; init; }

    public required string Reason { get; init; }
}
