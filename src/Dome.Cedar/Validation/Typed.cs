using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Validation;

/// <summary>
/// The result of typechecking one expression: its type (null when none could be given), whether it typechecked,
/// and the capabilities it establishes when it evaluates to true (always empty for a failure).
/// </summary>
internal readonly record struct Typed(CedarType? Type, bool Ok, CapabilitySet Caps)
{
    public static Typed Success(CedarType type) => new(type, true, CapabilitySet.Empty);

    public static Typed Success(CedarType type, CapabilitySet caps) => new(type, true, caps);

    public static Typed Fail(CedarType? type = null) => new(type, false, CapabilitySet.Empty);

    /// <summary>The same result, failed if <paramref name="ok"/> is false.</summary>
    public Typed And(bool ok) => ok ? this : new Typed(Type, false, CapabilitySet.Empty);
}
