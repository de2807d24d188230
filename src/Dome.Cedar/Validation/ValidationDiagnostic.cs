using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>One validation error or warning: the policy it concerns, a stable code, a lowercase message and where.</summary>
/// <param name="PolicyId">The policy (<c>policy0</c>, ...) the diagnostic is about.</param>
/// <param name="Code">A stable kind, e.g. <c>unrecognized-entity-type</c> or <c>unsafe-optional-attribute-access</c>.</param>
/// <param name="Message">What is wrong, with the offending names in backticks.</param>
/// <param name="Span">Where in the policy text, when known.</param>
public sealed record ValidationDiagnostic(string PolicyId, string Code, string Message, SourceSpan? Span)
{
    /// <summary>Renders <c>policy0 at line:column: message</c>.</summary>
    public override string ToString() =>
        Span is { } span ? $"{PolicyId} at {span.Line}:{span.Column}: {Message}" : $"{PolicyId}: {Message}";
}
