namespace Dome.Cedar.Schema.Types;

/// <summary>The type of one record attribute and whether it must be present.</summary>
public sealed record AttributeType(CedarType Type, bool Required);
