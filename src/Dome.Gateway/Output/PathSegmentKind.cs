namespace Dome.Gateway.Output;

/// <summary>The steps of a JSON path.</summary>
internal enum PathSegmentKind
{
    /// <summary><c>.name</c> or <c>['name']</c>.</summary>
    Property,

    /// <summary><c>[3]</c>.</summary>
    Index,

    /// <summary><c>.*</c> or <c>[*]</c>: every member or element.</summary>
    Any,

    /// <summary><c>..name</c>: a member of that name at any depth.</summary>
    Descendant,

    /// <summary><c>..*</c>: every value at any depth.</summary>
    AnyDescendant,
}
