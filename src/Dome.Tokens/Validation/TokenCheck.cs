using System.Diagnostics.CodeAnalysis;

namespace Dome.Tokens.Validation;

/// <summary>The validator's answer: the verified token, or why it was refused (a sentence safe to show the caller).</summary>
public sealed record TokenCheck
{
    public required VerifiedToken? Token { get; init; }

    public required string? Failure { get; init; }

    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Token is not null;

    public static TokenCheck Valid(VerifiedToken token) => new() { Token = token, Failure = null };

    public static TokenCheck Refused(string failure) => new() { Token = null, Failure = failure };
}
