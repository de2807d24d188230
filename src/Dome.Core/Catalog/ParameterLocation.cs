namespace Dome.Core.Catalog;

/// <summary>Where a tool argument goes in the upstream request.</summary>
public enum ParameterLocation
{
    /// <summary>Substituted for <c>{name}</c> in the tool's path (escaped as one path segment).</summary>
    Path,

    /// <summary>Appended to the query string.</summary>
    Query,

    /// <summary>Sent as a request header.</summary>
    Header,
}
