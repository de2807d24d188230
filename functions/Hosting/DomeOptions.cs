namespace Dome.Functions.Hosting;

/// <summary><c>Dome</c>: where the embedded server keeps its state.</summary>
internal sealed record DomeOptions
{
    public const string Section = "Dome";

    /// <summary>The data directory: database, key files, key ring. Default <c>./.dome</c>.</summary>
    public string DataDir { get; init; } = ".dome";

    /// <summary>Whether to create the <c>default</c> tenant and the key files on first start (embedded mode).</summary>
    public bool Bootstrap { get; init; } = true;

    public string FullDataDir => Path.GetFullPath(DataDir);
}
