using System.Text;

namespace Dome.Gateway.Output;

/// <summary>One step of a compiled JSON path.</summary>
internal readonly record struct PathSegment(PathSegmentKind Kind, string? Name = null, int Index = -1)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// <see cref="Name"/> as UTF-8, compared with the body's names without transcoding on every node; null when there is
    /// no name or it is not valid UTF-16 (such a name is compared as text).
    /// </summary>
    public byte[]? Utf8Name { get; } = Utf8(Name);

    public bool Equals(PathSegment other) => Kind == other.Kind && Name == other.Name && Index == other.Index;

    public override int GetHashCode() => HashCode.Combine(Kind, Name, Index);

    private static byte[]? Utf8(string? name)
    {
        try
        {
            return name is null ? null : StrictUtf8.GetBytes(name);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }
}
