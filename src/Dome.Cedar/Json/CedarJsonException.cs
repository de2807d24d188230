namespace Dome.Cedar.Json;

/// <summary>
/// Malformed input in Cedar's JSON policy format. The message is lowercase, quotes the offending
/// input in backticks and names where it is: a JSON path such as <c>conditions[0].body.==.left</c>
/// for shape errors, or <c>line:column</c> for JSON syntax errors. Safe to show to the caller.
/// </summary>
internal sealed class CedarJsonException : Exception
{
    public CedarJsonException(string message)
        : base(message)
    {
    }

    public CedarJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
