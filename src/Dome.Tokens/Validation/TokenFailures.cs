using Microsoft.IdentityModel.Tokens;

namespace Dome.Tokens.Validation;

/// <summary>Turns IdentityModel's validation exceptions into sentences safe to show a caller (never the token itself).</summary>
internal static class TokenFailures
{
    public static string Describe(Exception? exception, string what) => exception switch
    {
        SecurityTokenExpiredException => $"{what} has expired",
        SecurityTokenNotYetValidException => $"{what} is not valid yet (nbf is in the future)",
        SecurityTokenInvalidIssuerException => $"{what} has the wrong issuer",
        SecurityTokenInvalidAudienceException => $"{what} is not for this audience",
        SecurityTokenInvalidAlgorithmException => $"{what} is signed with an algorithm that is not accepted",
        SecurityTokenSignatureKeyNotFoundException => $"{what} names a signing key (kid) that is not published",
        SecurityTokenInvalidSignatureException => $"{what}'s signature does not verify",
        SecurityTokenInvalidTypeException => $"{what} is not of the expected type (typ)",
        SecurityTokenNoExpirationException => $"{what} has no expiry (exp)",
        SecurityTokenMalformedException or ArgumentException => $"{what} is not a well-formed JWT",
        _ => $"{what} could not be validated",
    };
}
