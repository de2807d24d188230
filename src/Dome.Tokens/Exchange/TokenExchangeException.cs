namespace Dome.Tokens.Exchange;

/// <summary>
/// A refused exchange: the OAuth <see cref="Error"/> and <see cref="Description"/> the caller gets (which say
/// what to fix, and never echo a token), and a stable <see cref="Reason"/> for the audit record.
/// </summary>
public sealed class TokenExchangeException(string error, string reason, string description) : Exception(description)
{
    public string Error { get; } = error;

    public string Reason { get; } = reason;

    public string Description => Message;

    public static TokenExchangeException Request(string reason, string description) => new(OAuthErrors.InvalidRequest, reason, description);

    public static TokenExchangeException Grant(string reason, string description) => new(OAuthErrors.InvalidGrant, reason, description);
}
