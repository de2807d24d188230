using Dome.Cedar.Syntax;

namespace Dome.Cedar;

/// <summary>Policy, entity or request text that is not valid Cedar. The message names the offending input and its location.</summary>
public sealed class CedarParseException : Exception
{
    internal CedarParseException(string message, SourceSpan span)
        : base($"{message} at {span.Line}:{span.Column}")
    {
        Span = span;
    }

    internal CedarParseException(string message)
        : base(message)
    {
    }

    /// <summary>Where the error is, when it refers to policy text.</summary>
    public SourceSpan? Span { get; }
}
