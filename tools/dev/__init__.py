"""Developer-only tools: benchmarks and the sample-media maker (not part of the shipped build)."""
