namespace Dome.Cedar.Tests.Differential;

/// <summary>One disagreement between Dome and the reference, with what reproduces it.</summary>
internal sealed record Mismatch(string CaseName, string Category, string CaseDescription, string Request, string Reference, string Dome)
{
    public override string ToString() =>
        CaseDescription + "request: " + Request + "\n  cedar-wasm: " + Reference + "\n  dome:       " + Dome + "\n";
}
