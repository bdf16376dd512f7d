"""Build tests (marker `build`, set by tests/conftest.py)."""
