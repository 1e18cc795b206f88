# Benchmarks against igraph, NetworKit and NetworkX (see Benchmarks/README.md).
# Not part of the tests: `swift test` never runs them.
.PHONY: bench bench-quick

bench:
	Benchmarks/run $(ARGS)

bench-quick:
	Benchmarks/run --quick $(ARGS)
