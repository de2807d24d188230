using Dome.Gateway.Policy;

namespace Dome.Gateway.Tests.Policy;

/// <summary>
/// The policy step's allocations per call, counted in bytes on this thread (not timed: timing is in
/// bench/Dome.Governance.Bench). After a warm-up, a repeated call builds only its context: the agent's and tool's
/// entities, `time` and the argument names come from caches, not from JSON written and parsed again.
/// </summary>
public sealed class PolicyAllocationTests
{
    private static readonly CompiledPolicySet Tiers = PolicyCompiler.Compile(PolicyBundle.Default);

    [Fact]
    public void Build_RepeatedCall_AllocatesOnlyTheContext()
    {
        var call = Calls.Call(tool: "alloc/build", args: """{"subject": "printer on fire", "priority": "low", "amount": 120}""");
        var allocated = PerCall(() => CedarRequestBuilder.Build(call, null, Calls.Now));

        // :: ~1 KB in Release (the context and argument records, the request); the per-call entity stores and the
        // `__extn` JSON round trip it replaced took over 6 KB.
        Assert.InRange(allocated, 1, 2_000);
    }

    [Fact]
    public void Evaluate_AllowedCall_AllocatesOnlyTheDecision()
    {
        var cedar = CedarRequestBuilder.Build(Calls.Call(tool: "alloc/evaluate"), null, Calls.Now);
        PolicyDecision? last = null;
        var allocated = PerCall(() => last = PolicyEvaluator.Evaluate(Tiers, cedar));

        Assert.Equal(PolicyOutcome.Allow, last!.Outcome);
        Assert.InRange(allocated, 1, 400);
    }

    private static long PerCall(Action call)
    {
        for (var i = 0; i < 50; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 200;
    }
}
