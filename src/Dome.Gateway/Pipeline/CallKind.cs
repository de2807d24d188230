namespace Dome.Gateway.Pipeline;

/// <summary>A governed call (steps 1–11) or a check (steps 1–6, nothing forwarded).</summary>
public enum CallKind
{
    Call,
    Check,
}
