namespace Dome.Core.Approvals;

/// <summary>
/// The one spelling of <see cref="ApprovalStatus"/> in the API, the CLI's JSON and every store:
/// <c>pending</c>, <c>approved</c>, <c>denied</c>, <c>used</c>.
/// </summary>
public static class ApprovalStatusNames
{
    public static string Of(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Pending => "pending",
        ApprovalStatus.Approved => "approved",
        ApprovalStatus.Denied => "denied",
        ApprovalStatus.Used => "used",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status a name spells; false for any other text (names are case-sensitive).</summary>
    public static bool TryParse(string? name, out ApprovalStatus status)
    {
        ApprovalStatus? parsed = name switch
        {
            "pending" => ApprovalStatus.Pending,
            "approved" => ApprovalStatus.Approved,
            "denied" => ApprovalStatus.Denied,
            "used" => ApprovalStatus.Used,
            _ => null,
        };
        status = parsed.GetValueOrDefault();
        return parsed is not null;
    }
}
