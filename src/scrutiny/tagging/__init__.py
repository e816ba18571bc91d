"""The tagger's commands, benchmarks and shipped training data (the models are in scrutiny.core)."""
