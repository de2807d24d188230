using Dome.Cedar.Tests.Differential.Generation;
using Dome.Cedar.Tests.Differential.Oracle;

namespace Dome.Cedar.Tests.Differential;

/// <summary>
/// Generates cases for a range of seeds, asks the oracle (one node process per batch) and Dome
/// (in process), and lists every disagreement on parse acceptance, request failure, decision,
/// determining policies or erroring policies.
/// </summary>
internal sealed class DifferentialRunner(OracleClient oracle)
{
    /// <summary>Total requests compared by the last <see cref="Run"/>.</summary>
    public int RequestsCompared { get; private set; }

    public List<Mismatch> Run(int firstSeed, int caseCount, int requestsPerCase)
    {
        var cases = Enumerable.Range(firstSeed, caseCount).Select(seed => CaseGenerator.Generate(seed, requestsPerCase)).ToList();
        var batch = OracleBatch.Prepare(oracle, cases);
        var reference = oracle.Authorize(batch.AuthorizeDocument());
        var mismatches = new List<Mismatch>();
        RequestsCompared = 0;
        for (var c = 0; c < cases.Count; c++)
        {
            var testCase = cases[c];
            var description = testCase.Describe();
            var expected = reference[c];
            var parseErrors = expected.ParseErrors ?? (batch.ConversionErrors.TryGetValue(c, out var conversion) ? conversion : null);
            var session = DomeSession.Open(testCase, batch.PolicySets[c], batch.IsJson(c));
            if (parseErrors is not null || session.PolicyError is not null)
            {
                if ((parseErrors is null) != (session.PolicyError is null))
                {
                    mismatches.Add(new Mismatch(
                        testCase.Name,
                        parseErrors is null ? "dome rejects a policy set the reference accepts" : "dome accepts a policy set the reference rejects",
                        description,
                        "(policy set)",
                        parseErrors is null ? "accepted" : "rejected: " + string.Join("; ", parseErrors),
                        session.PolicyError is null ? "accepted" : "rejected: " + session.PolicyError));
                }

                continue;
            }

            for (var r = 0; r < testCase.Requests.Count; r++)
            {
                var request = testCase.Requests[r];
                var want = expected.Responses[r];
                var got = session.Authorize(request);
                RequestsCompared++;
                if (!Agrees(want, got))
                {
                    mismatches.Add(new Mismatch(testCase.Name, Category(want, got), description, request.ToString(), want.ToString(), got.ToString()));
                }
            }
        }

        return mismatches;
    }

    private static string Category(OracleResponse want, EngineOutcome got) =>
        (want.IsFailure, got.Failure is not null) switch
        {
            (true, false) => "reference rejects the request, dome decides it",
            (false, true) => "dome rejects the request, the reference decides it",
            _ when want.Decision != got.Decision => "decision differs",
            _ when !want.Reason.SequenceEqual(got.Reason, StringComparer.Ordinal) => "determining policies differ",
            _ => "erroring policies differ",
        };

    private static bool Agrees(OracleResponse want, EngineOutcome got)
    {
        if (want.IsFailure || got.Failure is not null)
        {
            return want.IsFailure && got.Failure is not null;
        }

        return want.Decision == got.Decision
            && want.Reason.SequenceEqual(got.Reason, StringComparer.Ordinal)
            && want.Errors.SequenceEqual(got.Errors, StringComparer.Ordinal);
    }
}
