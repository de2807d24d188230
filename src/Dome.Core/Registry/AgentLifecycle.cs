namespace Dome.Core.Registry;

/// <summary>
/// The lifecycle's legal moves: provisioned → active; active ⇄ suspended;
/// provisioned, active or suspended → revoked (terminal).
/// </summary>
public static class AgentLifecycle
{
    /// <summary>The status a transition leads to, or null when it is not legal from <paramref name="from"/>.</summary>
    public static AgentStatus? Target(AgentStatus from, LifecycleTransition transition) => (from, transition) switch
    {
        (AgentStatus.Provisioned, LifecycleTransition.Activate) => AgentStatus.Active,
        (AgentStatus.Active, LifecycleTransition.Suspend) => AgentStatus.Suspended,
        (AgentStatus.Suspended, LifecycleTransition.Resume) => AgentStatus.Active,
        (not AgentStatus.Revoked, LifecycleTransition.Revoke) => AgentStatus.Revoked,
        _ => null,
    };

    public static AgentEventKind EventKind(LifecycleTransition transition) => transition switch
    {
        LifecycleTransition.Activate => AgentEventKind.Activated,
        LifecycleTransition.Suspend => AgentEventKind.Suspended,
        LifecycleTransition.Resume => AgentEventKind.Resumed,
        LifecycleTransition.Revoke => AgentEventKind.Revoked,
        _ => throw new ArgumentOutOfRangeException(nameof(transition)),
    };

    public static string Verb(LifecycleTransition transition) => transition switch
    {
        LifecycleTransition.Activate => "activate",
        LifecycleTransition.Suspend => "suspend",
        LifecycleTransition.Resume => "resume",
        LifecycleTransition.Revoke => "revoke",
        _ => throw new ArgumentOutOfRangeException(nameof(transition)),
    };
}
