"""`python -m layout.cli`: the `layout` command."""
from . import run

run()
