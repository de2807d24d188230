namespace Dome.Functions.Contracts;

/// <summary>The optional body of <c>POST /v1/admin/approvals/{id}/approve|deny</c>.</summary>
internal sealed record DecideApprovalRequest
{
    public string? Comment { get; init; }
}
