using BenchmarkDotNet.Attributes;

namespace Dome.Cedar.Bench;

/// <summary>
/// One authorization against a prepared policy set and entity store (parsing is done in setup):
/// 10 policies / 100 entities, and 1,000 policies mostly scoped to one principal and resource.
/// Public because BenchmarkDotNet generates a class deriving from it.
/// </summary>
[MemoryDiagnoser]
public class AuthorizationBenchmarks
{
    private Prepared small = null!;
    private Prepared large = null!;

    [GlobalSetup]
    public void Setup()
    {
        small = Prepared.From(BenchData.Small());
        large = Prepared.From(BenchData.Large());
        if (!small.Decide().IsAllowed || !large.Decide().IsAllowed)
        {
            throw new InvalidOperationException("the benchmark requests should be allowed; the data is wrong");
        }
    }

    [Benchmark(Description = "10 policies, 100 entities")]
    public AuthorizationResponse Small() => small.Decide();

    [Benchmark(Description = "1,000 policies, 652 entities")]
    public AuthorizationResponse Large() => large.Decide();

    private sealed record Prepared(PolicySet Policies, EntityStore Entities, Request Request)
    {
        public static Prepared From(BenchScenario scenario)
        {
            var request = scenario.Requests[0];
            return new Prepared(
                PolicySet.Parse(scenario.Policies),
                EntityStore.FromJson(scenario.EntitiesJson),
                new Request(
                    new EntityUid(request.PrincipalType, request.PrincipalId),
                    new EntityUid("Action", request.ActionId),
                    new EntityUid(request.ResourceType, request.ResourceId),
                    Request.ParseContext(request.ContextJson)));
        }

        public AuthorizationResponse Decide() => Authorizer.IsAuthorized(Request, Policies, Entities);
    }
}
