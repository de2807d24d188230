using Dome.Cedar.Conformance;

namespace Dome.Cli.Cedar;

/// <summary>Running totals of `dome cedar test`: files (their validation check and all their requests) and requests.</summary>
internal sealed class TestCounts
{
    public int FilesPassed { get; private set; }

    public int FilesFailed { get; private set; }

    public int RequestsPassed { get; private set; }

    public int RequestsFailed { get; private set; }

    public void Add(IntegrationFileOutcome outcome)
    {
        if (outcome.Passed)
        {
            FilesPassed++;
        }
        else
        {
            FilesFailed++;
        }

        int passed = outcome.Requests.Count(r => r.Passed);
        RequestsPassed += passed;
        RequestsFailed += outcome.Requests.Count - passed;
    }

    /// <summary>`files: 2 passed, 1 failed; requests: 9 passed, 0 failed`.</summary>
    public override string ToString() =>
        $"files: {FilesPassed} passed, {FilesFailed} failed; requests: {RequestsPassed} passed, {RequestsFailed} failed";
}
