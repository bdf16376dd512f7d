"""Python-Markdown extensions the build registers: checklists, begrippen, video."""
