"""Wegwijs in Hilversum: the site generator as one package.

Layout (the flow of one page: ``sources`` -> ``markdown`` -> ``plugin`` steps ->
``render`` -> site):

- ``sources``: reading Markdown pages, the content model, media and places data;
- ``markdown``: Python-Markdown extensions (checklists, begrippen, video);
- ``render``: HTML and files the build writes (navigation, plan pages, permanent
  links, search index, interface strings);
- ``plugin``: the MkDocs plugin ``wegwijs`` and its build steps;
- ``checks``: content checks for content managers (``python -m tools check``);
- ``cli``: the command line ``python -m tools``.

Developer-only tools (benchmarks, the sample-media maker) live in ``tools/dev``.
"""
