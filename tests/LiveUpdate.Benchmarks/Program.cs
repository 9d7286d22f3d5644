using LiveUpdate.Benchmarks;

// Each benchmark prints one line: "bench: <name> <value> <unit> target <op> <value>".
// Pass benchmark names to run a subset.
return BenchmarkRunner.Run(args);
