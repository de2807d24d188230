using Dome.Core.Registry;

namespace Dome.Core.Tests.Registry;

public sealed class AgentLifecycleTests
{
    public static TheoryData<AgentStatus, LifecycleTransition, AgentStatus?> Moves => new()
    {
        { AgentStatus.Provisioned, LifecycleTransition.Activate, AgentStatus.Active },
        { AgentStatus.Provisioned, LifecycleTransition.Suspend, null },
        { AgentStatus.Provisioned, LifecycleTransition.Resume, null },
        { AgentStatus.Provisioned, LifecycleTransition.Revoke, AgentStatus.Revoked },
        { AgentStatus.Active, LifecycleTransition.Activate, null },
        { AgentStatus.Active, LifecycleTransition.Suspend, AgentStatus.Suspended },
        { AgentStatus.Active, LifecycleTransition.Resume, null },
        { AgentStatus.Active, LifecycleTransition.Revoke, AgentStatus.Revoked },
        { AgentStatus.Suspended, LifecycleTransition.Activate, null },
        { AgentStatus.Suspended, LifecycleTransition.Suspend, null },
        { AgentStatus.Suspended, LifecycleTransition.Resume, AgentStatus.Active },
        { AgentStatus.Suspended, LifecycleTransition.Revoke, AgentStatus.Revoked },
        { AgentStatus.Revoked, LifecycleTransition.Activate, null },
        { AgentStatus.Revoked, LifecycleTransition.Suspend, null },
        { AgentStatus.Revoked, LifecycleTransition.Resume, null },
        { AgentStatus.Revoked, LifecycleTransition.Revoke, null },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Target_EveryStateAndMove_FollowsTheLifecycle(AgentStatus from, LifecycleTransition move, AgentStatus? expected) =>
        Assert.Equal(expected, AgentLifecycle.Target(from, move));
}
