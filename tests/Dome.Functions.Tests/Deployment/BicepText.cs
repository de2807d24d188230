using System.Text.RegularExpressions;

namespace Dome.Functions.Tests.Deployment;

/// <summary>
/// Reads the declarations the consistency tests compare from Dome's Bicep (its own, regular layout: one
/// declaration per line). The grammar check is BicepParseTests'; this only lists names.
/// </summary>
internal static partial class BicepText
{
    public static string Read(params string[] path) => File.ReadAllText(RepositoryRoot.Combine(["infra", .. path]));

    /// <summary>Parameter name → whether it has a default value.</summary>
    public static IReadOnlyDictionary<string, bool> Parameters(string bicep) =>
        Param().Matches(bicep).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success, StringComparer.Ordinal);

    public static IReadOnlyList<string> Outputs(string bicep) => [.. Output().Matches(bicep).Select(m => m.Groups["name"].Value)];

    /// <summary>The <c>{ name: '...', value: ... }</c> app settings, name → value expression.</summary>
    public static IReadOnlyDictionary<string, string> AppSettings(string bicep) =>
        AppSetting().Matches(bicep).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim(), StringComparer.Ordinal);

    [GeneratedRegex(@"^param (?<name>\w+) \w+(?<default> = .+)?$", RegexOptions.Multiline)]
    private static partial Regex Param();

    [GeneratedRegex(@"^output (?<name>\w+) \w+ = ", RegexOptions.Multiline)]
    private static partial Regex Output();

    [GeneratedRegex(@"\{ name: '(?<name>[^']+)', value: (?<value>.+?) \}")]
    private static partial Regex AppSetting();
}
