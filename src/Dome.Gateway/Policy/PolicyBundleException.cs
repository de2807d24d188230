namespace Dome.Gateway.Policy;

/// <summary>A bundle that does not parse or validate; nothing was published.</summary>
internal sealed class PolicyBundleException(IReadOnlyList<PolicyBundleError> errors)
    : Exception($"the policy set is invalid: {errors.Count} error(s); first: {errors[0]}")
{
    public IReadOnlyList<PolicyBundleError> Errors { get; } = errors;
}
