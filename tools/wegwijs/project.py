"""Where the project's files are: the repository root and the folders below it.

Code that reads project files takes a ``root`` (a :class:`Project`'s root) as an
argument; ``DEFAULT_ROOT`` (this checkout, computed from this file's location without
any I/O) is only the default for the command line and the MkDocs plugin, which get
the real root from ``mkdocs.yml``'s location.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Project:
    """One checkout of the site: mkdocs.yml and the folders beside it."""

    root: Path = DEFAULT_ROOT

    @classmethod
    def from_config_file(cls, config_file: str | Path) -> "Project":
        return cls(Path(config_file).resolve().parent)

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def media_dir(self) -> Path:
        return self.root / "media"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def translations_dir(self) -> Path:
        return self.root / "translations"

    @property
    def overrides_dir(self) -> Path:
        return self.root / "overrides"
