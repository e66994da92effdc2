"""``python -m desktop`` runs the ``i3sync`` command."""

from desktop.cli import run

run()
