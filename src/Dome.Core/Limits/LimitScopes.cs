namespace Dome.Core.Limits;

/// <summary>The lowercase names the API, the CLI and stored records use for <see cref="LimitScope"/>.</summary>
public static class LimitScopes
{
    /// <summary>The name that gives every agent, customer or tool its own counters when none has a limit of its own.</summary>
    public const string Any = "*";

    public static string Of(LimitScope scope) => scope switch
    {
        LimitScope.Tenant => "tenant",
        LimitScope.Agent => "agent",
        LimitScope.Customer => "customer",
        LimitScope.Tool => "tool",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    public static bool TryParse(string? text, out LimitScope scope)
    {
        switch (text)
        {
            case "tenant": scope = LimitScope.Tenant; return true;
            case "agent": scope = LimitScope.Agent; return true;
            case "customer": scope = LimitScope.Customer; return true;
            case "tool": scope = LimitScope.Tool; return true;
            default: scope = default; return false;
        }
    }
}
