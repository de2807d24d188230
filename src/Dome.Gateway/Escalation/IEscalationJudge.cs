using Dome.Core.Approvals;
using Dome.Gateway.Policy;

namespace Dome.Gateway.Escalation;

/// <summary>The optional judge webhook that decides an escalation instead of a person, within a time bound.</summary>
internal interface IEscalationJudge
{
    /// <summary>Asks the judge at <paramref name="url"/>; never throws for the judge's failures (they are <see cref="JudgeVerdict.Unavailable"/>).</summary>
    Task<JudgeVerdict> AskAsync(Uri url, TimeSpan timeout, ToolCallFacts call, Approval approval, CancellationToken cancellationToken);
}
