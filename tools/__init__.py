"""Wegwijs in Hilversum tooling: content checks, build hooks and benchmarks.

Run ``python -m tools --help`` for the commands.
"""
