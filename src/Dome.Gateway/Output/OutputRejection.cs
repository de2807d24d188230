namespace Dome.Gateway.Output;

/// <summary>Why output governance refused to pass a body on (the call then fails closed; the agent gets no body).</summary>
public enum OutputRejection
{
    None,

    /// <summary>The body is larger than the cap.</summary>
    TooLarge,

    /// <summary>Rules select JSON paths or records, but the body is not valid JSON.</summary>
    NotJson,

    /// <summary>Detectors are on and the body is not text; set <see cref="OutputRules.AllowBinary"/> to pass it unscanned.</summary>
    Binary,

    /// <summary>A redaction added for this call (an <c>@redact</c> annotation) is not a valid path.</summary>
    InvalidRule,
}
