namespace Dome.Gateway.Output;

/// <summary>One step of a compiled JSON path.</summary>
internal readonly record struct PathSegment(PathSegmentKind Kind, string? Name = null, int Index = -1);
