namespace Dome.Core.Errors;

/// <summary>
/// A deliberate failure whose message may cross the trust boundary: it tells the caller what was
/// wrong and how to fix it. Any other exception is reported without its message.
/// </summary>
public sealed class DomeException : Exception
{
    public DomeException(DomeErrorCode code, string message, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        Extensions = extensions ?? new Dictionary<string, object?>();
    }

    public DomeErrorCode Code { get; }

    /// <summary>Extra members of the problem detail (for example the current state of an agent).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; }

    public static DomeException Invalid(string message) => new(DomeErrorCode.InvalidRequest, message);

    public static DomeException NotFound(string message) => new(DomeErrorCode.NotFound, message);

    public static DomeException Conflict(string message) => new(DomeErrorCode.Conflict, message);
}
