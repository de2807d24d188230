namespace Dome.Core.Queues;

/// <summary>Dome's queues. A message that fails every delivery moves to <c>&lt;queue&gt;-poison</c>.</summary>
public static class QueueNames
{
    public const string Lifecycle = "dome-lifecycle";

    /// <summary>Audit events on their way to the audit store (function <c>audit</c>).</summary>
    public const string Audit = "dome-audit";

    public static string Poison(string queue) => queue + "-poison";
}
