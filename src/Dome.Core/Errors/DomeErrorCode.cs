namespace Dome.Core.Errors;

/// <summary>Every domain failure Dome reports, in one place; the edges map each to a status and a stable code.</summary>
public enum DomeErrorCode
{
    InvalidRequest,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    IllegalTransition,
    PayloadTooLarge,
    Unavailable,
}
