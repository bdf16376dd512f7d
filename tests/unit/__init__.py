"""Unit tests (marker `unit`, set by tests/conftest.py)."""
