using Dome.Core.Limits;

namespace Dome.Gateway.Limits;

/// <summary>One limit applied to a call and the counters it is counted on.</summary>
internal readonly record struct AppliedLimit(LimitPolicy Policy, CounterKey Key);
