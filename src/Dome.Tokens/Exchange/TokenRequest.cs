namespace Dome.Tokens.Exchange;

/// <summary>The parameters of a token request (RFC 8693 §2.1), each given at most once.</summary>
public sealed record TokenRequest
{
    public required string? GrantType { get; init; }

    public required string? SubjectToken { get; init; }

    public required string? SubjectTokenType { get; init; }

    public required string? ActorToken { get; init; }

    public required string? ActorTokenType { get; init; }

    /// <summary>RFC 8707 <c>resource</c>: an absolute URI of one of Dome's resources.</summary>
    public required string? Resource { get; init; }

    /// <summary>RFC 8693 <c>audience</c>: the logical name of the target; for Dome, one of its resource URIs too.</summary>
    public required string? Audience { get; init; }
}
