using System.Text;
using Dome.Gateway.Output;
using Dome.Gateway.Tests.Output;

namespace Dome.Gateway.Tests;

/// <summary>
/// Output governance allocates (almost) nothing but the governed body: counted in bytes on this thread, not timed
/// (timing goes to bench/). Each measurement runs after a warm-up, so one-time caches and JIT are not counted.
/// The limiter is measured in bench/Dome.Governance.Bench instead: its async state machines are classes in the
/// Debug builds tests run, so a count here would measure the build, not the code.
/// </summary>
public sealed class HotPathAllocationTests
{
    private static readonly byte[] Ticket = Encoding.UTF8.GetBytes("""
        {"id":123,"status":"open","subject":"Printer broken","requester":{"name":"Ann Lee","id":"u_1"},"tags":["hw","urgent"],
         "description":"It does not print since the update; tried restarting twice."}
        """);

    [Fact]
    public void Apply_NothingToRemove_AllocatesOnlyTheDocument()
    {
        var rules = new OutputRules { Redact = ["$.requester.ssn", "$..password"], Detect = ["secrets", "pii"] }.Compile();
        for (var i = 0; i < 50; i++)
        {
            Governed.Governor.Apply(Ticket, "application/json", rules);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            var result = Governed.Governor.Apply(Ticket, "application/json", rules);
            Assert.False(result.Changed);
        }

        // The parsed document object itself; its buffers are pooled. The body is passed through, not copied.
        Assert.InRange((GC.GetAllocatedBytesForCurrentThread() - before) / 200, 0, 256);
    }

    [Fact]
    public void Apply_Redacting_AllocatesAboutTheGovernedBody()
    {
        var rules = new OutputRules { Redact = ["$.requester.name"], Detect = ["pii"] }.Compile();
        for (var i = 0; i < 50; i++)
        {
            Governed.Governor.Apply(Ticket, "application/json", rules);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            Assert.True(Governed.Governor.Apply(Ticket, "application/json", rules).Changed);
        }

        Assert.InRange((GC.GetAllocatedBytesForCurrentThread() - before) / 200, Ticket.Length / 2, Ticket.Length + 512);
    }
}
