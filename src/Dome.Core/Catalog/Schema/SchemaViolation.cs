namespace Dome.Core.Catalog.Schema;

/// <summary>One way an instance breaks a schema: where (a JSON path such as <c>$.items[0].name</c>) and what.</summary>
/// <remarks>Messages name the rule and the expected shape, never the offending value (arguments may be sensitive).</remarks>
public sealed record SchemaViolation
{
    public required string Path { get; init; }

    public required string Message { get; init; }

    public override string ToString() => Path + ": " + Message;
}
