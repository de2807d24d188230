using System.Text.Json;

namespace Dome.Functions.Contracts;

/// <summary>Stored JSON text shown as JSON in views.</summary>
internal static class Json
{
    public static JsonElement? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
