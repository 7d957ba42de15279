"""Tooling shared by the tests, the demo and the benchmark (never imported by the app)."""
