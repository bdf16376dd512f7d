"""Fold the indentation out of built HTML: Material's templates indent deeply, which
roughly doubles a page. Only whitespace that contains a line break is folded, to a
single line break, so inline spacing is kept; <pre>, <textarea> and <script> are
left as they are."""
from __future__ import annotations

import re

_PROTECTED = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>|<script[\s>].*?</script>)",
                        re.S | re.I)
_INDENT = re.compile(r"[ \t]*\n\s*")


def fold(html: str) -> str:
    parts = _PROTECTED.split(html)
    return "".join(part if i % 2 else _INDENT.sub("\n", part) for i, part in enumerate(parts))
