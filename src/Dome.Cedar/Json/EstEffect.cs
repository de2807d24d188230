namespace Dome.Cedar.Json;

/// <summary>A policy's effect in the JSON policy format (<c>"permit"</c> or <c>"forbid"</c>).</summary>
internal enum EstEffect
{
    Permit,
    Forbid,
}
