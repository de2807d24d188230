using Dome.Core.Approvals;
using Dome.Core.Policy;
using Dome.Gateway.Escalation;
using Dome.Gateway.Policy;
using Dome.Gateway.Tests.Policy;
using Dome.Storage.Sqlite;
using Dome.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Tests.Escalation;

/// <summary>The policy step over a real SQLite database in a temp directory, with a clock the test controls.</summary>
internal sealed class PolicyHarness : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly HttpClient http = new();

    public PolicyHarness()
    {
        var database = SqliteDatabase.Open(Path.Combine(dir.Path, "dome.db"));
        var options = Options.Create(new PolicyOptions());
        Policies = new SqlitePolicyStore(database);
        Approvals = new SqliteApprovalStore(database);
        Provider = new PolicySetProvider(Policies, Time, options);
        Service = new ApprovalService(Approvals, Policies, Time, options);
        Publisher = new PolicyPublisher(Policies, Provider, Time);
        Point = new PolicyDecisionPoint(Provider, Service, Approvals, Policies, new HttpEscalationJudge(http, NullLogger<HttpEscalationJudge>.Instance), Time);
    }

    public ManualTimeProvider Time { get; } = new(Calls.Now);

    public IPolicyStore Policies { get; }

    public IApprovalStore Approvals { get; }

    public PolicySetProvider Provider { get; }

    public ApprovalService Service { get; }

    public PolicyPublisher Publisher { get; }

    public PolicyDecisionPoint Point { get; }

    public Task PublishExampleAsync(string name) =>
        Publisher.PublishAsync("t1", new Dictionary<string, string> { ["examples/" + name] = Calls.Example(name) }, null, "admin");

    public void Dispose()
    {
        http.Dispose();
        dir.Dispose();
    }
}
