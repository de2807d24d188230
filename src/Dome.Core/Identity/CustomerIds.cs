namespace Dome.Core.Identity;

/// <summary>
/// The customer an end user belongs to (a claim of the user's ID token): the rules its value and the claim's name
/// follow, shared by token issuing, the gateway's per-customer limits and the limits' administration.
/// </summary>
public static class CustomerIds
{
    public const int MaxLength = 128;

    public const int MaxClaimNameLength = 64;

    /// <summary>Whether <paramref name="customer"/> can name a customer: 1 to 128 characters, no spaces or control characters.</summary>
    public static bool IsValid(string? customer) =>
        !string.IsNullOrEmpty(customer) && customer.Length <= MaxLength && !customer.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    /// <summary>Whether <paramref name="claim"/> can name an ID-token claim: 1 to 64 characters, no spaces or control characters.</summary>
    public static bool IsClaimName(string? claim) =>
        !string.IsNullOrEmpty(claim) && claim.Length <= MaxClaimNameLength && !claim.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
