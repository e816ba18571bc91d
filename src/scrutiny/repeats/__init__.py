"""Repetition: earlier similar findings at the same establishment (repeated) and elsewhere (shared concern)."""
