"""Browser tests (marker `browser`, set by tests/conftest.py)."""
