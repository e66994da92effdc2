"""``python -m desktop`` runs the ``i3sync`` command."""

import sys

from desktop.cli import main

sys.exit(main())
