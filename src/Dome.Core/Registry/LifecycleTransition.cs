namespace Dome.Core.Registry;

/// <summary>A requested lifecycle move.</summary>
public enum LifecycleTransition
{
    Activate,
    Suspend,
    Resume,
    Revoke,
}
