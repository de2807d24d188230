namespace Dome.Gateway.Limits;

/// <summary>Which kind of limit turned a call away.</summary>
public enum LimitKind
{
    None,
    RequestRate,
    Concurrency,
    DailyQuota,
}
