namespace Dome.Cedar.Evaluation;

/// <summary>An error while evaluating a policy (type error, overflow, missing attribute, ...); the policy is skipped and reported.</summary>
internal sealed class EvaluationException(string message) : Exception(message)
{
    public static EvaluationException TypeError(string expected, CedarValue actual) =>
        new($"type error: expected {expected}, got {actual.TypeName}");
}
