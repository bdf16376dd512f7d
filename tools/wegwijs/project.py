"""Where the project's files are: mkdocs.yml and the folders beside it.

Nothing reads a project file through a module-level path: the command line
(``python -m tools --config PATH``) and the MkDocs plugin (``config.config_file_path``)
each make one :class:`Project` and pass it to the code that reads files. ``DEFAULT_ROOT``
(this checkout, computed from this file's location without any I/O) is only the command
line's fallback when the current directory has no mkdocs.yml.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_ROOT = Path(__file__).absolute().parents[2]  # string work only: no I/O at import
CONFIG_NAME = "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    """One checkout of the site: its config file and the folders the build reads.

    ``Project(root)`` uses ``root/mkdocs.yml`` and ``root/{media,data,translations,
    overrides}``; any of them may be given (a relative folder is relative to root).
    """

    root: Path
    config_file: Path | None = None
    media_dir: Path | None = None
    data_dir: Path | None = None
    translations_dir: Path | None = None
    overrides_dir: Path | None = None
    _defaults = {"config_file": CONFIG_NAME, "media_dir": "media", "data_dir": "data",
                 "translations_dir": "translations", "overrides_dir": "overrides"}

    def __post_init__(self):
        root = Path(self.root).resolve()
        object.__setattr__(self, "root", root)
        for name, default in self._defaults.items():
            value = getattr(self, name)
            object.__setattr__(self, name, (root / (default if value is None else value)).resolve())

    @classmethod
    def from_config_file(cls, config_file: str | Path, **dirs) -> "Project":
        """The project of one mkdocs.yml; dirs (media_dir=...) relative to its folder."""
        config_file = Path(config_file).resolve()
        return cls(config_file.parent, config_file=config_file,
                   **{k: v for k, v in dirs.items() if v is not None})

    @property
    def places_file(self) -> Path:
        return self.data_dir / "places.geojson"
