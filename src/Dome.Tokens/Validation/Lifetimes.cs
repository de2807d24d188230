using Microsoft.IdentityModel.Tokens;

namespace Dome.Tokens.Validation;

/// <summary>
/// Checks <c>exp</c> and <c>nbf</c> against Dome's <see cref="TimeProvider"/> (IdentityModel reads the system clock),
/// so tests control time. Throws the exception types IdentityModel uses, so failures are described alike.
/// </summary>
internal static class Lifetimes
{
    public static LifetimeValidator Validator(TimeProvider time, TimeSpan skew) => (notBefore, expires, _, _) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException("the token has no expiry");
        }

        if (notBefore is { } nbf && nbf > now + skew)
        {
            throw new SecurityTokenNotYetValidException("the token is not valid yet") { NotBefore = nbf };
        }

        if (exp < now - skew)
        {
            throw new SecurityTokenExpiredException("the token has expired") { Expires = exp };
        }

        return true;
    };
}
