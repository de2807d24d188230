using BenchmarkDotNet.Running;
using Dome.Cedar.Bench;

// `export DIR`: write the benchmark data for the cedar-wasm side (bench/run-cedar-bench).
// Anything else: BenchmarkDotNet's switcher (e.g. `--filter '*'`).
if (args is ["export", var directory])
{
    Directory.CreateDirectory(directory);
    ScenarioExport.Write(BenchData.Small(), Path.Combine(directory, "small.json"));
    ScenarioExport.Write(BenchData.Large(), Path.Combine(directory, "large.json"));
    var batch = BenchData.Batch(10_000);
    ScenarioExport.Write(batch, Path.Combine(directory, "batch.json"));
    ScenarioExport.WriteCliFiles(batch, directory);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args);
return 0;
