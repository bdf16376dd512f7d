"""``python -m tools translations``: placeholder, filled in below."""


def register(sub) -> None:
    pass
