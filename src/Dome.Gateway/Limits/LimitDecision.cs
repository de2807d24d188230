using Dome.Core.Limits;

namespace Dome.Gateway.Limits;

/// <summary>
/// The answer of <see cref="CallLimiter.AcquireAsync"/>: allowed, or 429 with how long to wait. An allowed decision
/// may hold concurrency slots: dispose it when the call ends, whether it succeeded or failed (disposing twice,
/// or disposing a rejection, does nothing).
/// </summary>
public readonly struct LimitDecision : IDisposable
{
    private readonly LimitLease? lease;

    private LimitDecision(LimitLease? lease, LimitKind kind, LimitScope scope, string? name, TimeSpan retryAfter)
    {
        this.lease = lease;
        Kind = kind;
        Scope = scope;
        Name = name;
        RetryAfter = retryAfter;
    }

    public bool IsAllowed => Kind == LimitKind.None;

    /// <summary>The limit that turned the call away; <see cref="LimitKind.None"/> when allowed.</summary>
    public LimitKind Kind { get; }

    /// <summary>The scope of that limit.</summary>
    public LimitScope Scope { get; }

    /// <summary>The name the limit was counted on (agent, customer, tool or connection; <c>*</c> for the tenant).</summary>
    public string? Name { get; }

    /// <summary>How long until a retry can pass (zero when allowed).</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>200 when allowed, else 429.</summary>
    public int StatusCode => IsAllowed ? 200 : 429;

    /// <summary>The <c>Retry-After</c> header value: whole seconds, rounded up, at least 1.</summary>
    public int RetryAfterSeconds => IsAllowed ? 0 : (int)Math.Clamp(Math.Ceiling(RetryAfter.TotalSeconds), 1, int.MaxValue);

    internal static LimitDecision Allow(LimitLease? lease) => new(lease, LimitKind.None, default, null, TimeSpan.Zero);

    internal static LimitDecision Reject(LimitKind kind, LimitScope scope, string name, TimeSpan retryAfter) => new(null, kind, scope, name, retryAfter);

    /// <summary>Releases the concurrency slots the call held.</summary>
    public void Dispose() => lease?.Release();
}
