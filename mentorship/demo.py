"""Demo content of this app, loaded by ``manage.py load_demo``."""


def load(*, stdout) -> None:
    """Nothing yet."""
