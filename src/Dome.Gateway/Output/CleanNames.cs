namespace Dome.Gateway.Output;

/// <summary>
/// Member names that the detectors have already found nothing in, per detector set: bodies repeat their names (every
/// record of a list has the same ones), and filtering a name is a pure function of its bytes and the set, so a name
/// seen clean is not scanned again. Bounded; one per <see cref="JsonRedactor"/>, so per thread.
/// </summary>
internal sealed class CleanNames
{
    private const int MaxNames = 1024;
    private const int MaxNameBytes = 64;
    private readonly Dictionary<byte[], DetectorSet> names = new(ByteStringComparer.Instance);
    private readonly Dictionary<byte[], DetectorSet>.AlternateLookup<ReadOnlySpan<byte>> byBytes;

    public CleanNames() => byBytes = names.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>True when <paramref name="name"/> was found clean under exactly <paramref name="detectors"/>.</summary>
    public bool IsClean(ReadOnlySpan<byte> name, DetectorSet detectors) =>
        name.Length <= MaxNameBytes && byBytes.TryGetValue(name, out var set) && set == detectors;

    /// <summary>Remembers that the detectors of <paramref name="detectors"/> found nothing in <paramref name="name"/>.</summary>
    public void Add(ReadOnlySpan<byte> name, DetectorSet detectors)
    {
        if (name.Length > MaxNameBytes)
        {
            return;
        }

        if (byBytes.ContainsKey(name))
        {
            byBytes[name] = detectors;
        }
        else if (names.Count < MaxNames)
        {
            names[name.ToArray()] = detectors;
        }
    }
}
