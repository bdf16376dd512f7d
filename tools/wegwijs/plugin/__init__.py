"""The ``wegwijs`` MkDocs plugin (entry point ``mkdocs.plugins: wegwijs``)."""
from tools.wegwijs.plugin.plugin import WegwijsPlugin

__all__ = ["WegwijsPlugin"]
