namespace Dome.Cedar;

/// <summary>The Cedar language and reference versions this engine targets.</summary>
public static class CedarEngineInfo
{
    /// <summary>The Cedar release whose semantics the engine follows.</summary>
    public const string CedarVersion = "4.13";

    /// <summary>The Cedar language version.</summary>
    public const string LanguageVersion = "4.5";
}
