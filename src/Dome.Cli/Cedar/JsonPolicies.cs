using Dome.Cedar;
using Dome.Cedar.Json;

namespace Dome.Cli.Cedar;

/// <summary>Reads a policy set written in Cedar's JSON policy format (`--policy-format json`).</summary>
internal static class JsonPolicies
{
    public static PolicySet Parse(string json)
    {
        try
        {
            return CedarJsonPolicies.ParsePolicySet(json);
        }
        catch (CedarJsonException e)
        {
            throw new CliFailure("invalid JSON policy set: " + e.Message);
        }
    }
}
