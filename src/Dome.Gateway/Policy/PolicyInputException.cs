namespace Dome.Gateway.Policy;

/// <summary>The call's arguments cannot be given to Cedar; the policy step denies (fail closed).</summary>
internal sealed class PolicyInputException(string message) : Exception(message);
