"""The build steps of the wegwijs MkDocs plugin, one module per concern (order: plugin/plugin.py)."""
