"""Content tests (marker `content`, set by tests/conftest.py)."""
