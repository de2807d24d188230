namespace Dome.Core.Identity;

/// <summary>What happened at the token endpoint.</summary>
public enum TokenEventKind
{
    Issued,
    Refused,
}
