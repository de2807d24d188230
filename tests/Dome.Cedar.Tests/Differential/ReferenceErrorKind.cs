namespace Dome.Cedar.Tests.Differential;

/// <summary>
/// Maps cedar-wasm's validation error messages (it gives no codes) to Dome's diagnostic codes. Only
/// message shapes seen from cedar-wasm 4.13.0 are listed; an unlisted message maps to null and its
/// policy's kinds are then not compared.
/// </summary>
internal static class ReferenceErrorKind
{
    private static readonly (string Fragment, string Code)[] Known =
    [
        ("unable to guarantee safety of access to optional attribute", "unsafe-optional-attribute-access"),
        ("unable to guarantee safety of access to tag", "unsafe-tag-access"),
        ("not found", "unsafe-attribute-access"),
        ("are not compatible", "incompatible-types"),
        ("unexpected type", "unexpected-type"),
        ("unrecognized entity type", "unrecognized-entity-type"),
        ("unrecognized action", "unrecognized-action"),
        ("is of an enumerated entity type, but", "invalid-enum-entity"),
        ("empty set literals are forbidden", "empty-set-forbidden"),
        ("extension constructors may not be called with non-literal expressions", "non-literal-extension-constructor"),
        ("error during extension function argument validation", "invalid-extension-argument"),
        ("no tags are allowed", "no-tags-allowed"),
        ("undefined extension function", "undefined-function"),
        ("wrong number of arguments", "wrong-number-of-arguments"),
    ];

    /// <summary>The two scope and satisfiability warnings compared with Dome's (hidden-character warnings are not).</summary>
    public static string? ClassifyWarning(string message) =>
        message.Contains("unable to find an applicable action", StringComparison.Ordinal) ? "invalid-action-application"
        : message.Contains("policy is impossible", StringComparison.Ordinal) ? "impossible-policy"
        : null;

    public static string? Classify(string message)
    {
        foreach (var (fragment, code) in Known)
        {
            if (message.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }

        return null;
    }
}
