"""Entry script of both frozen executables (i3sync = window, i3sync-cli = console).

Both run ``desktop.cli.main``: the same command line, the same ``i3sync://`` handling. The
vault's Windows fallback is applied where the app first needs the vault (inside ``SecretStore``
on first use, desktop/core/vault.py), not here: loading keyring costs start-up time.
"""

import os
import sys

from desktop.cli import run

if __name__ == "__main__":
    # The windowed Windows executable has no console: sys.stdout and sys.stderr are None there,
    # and "i3sync.exe --version" or a refused link would crash on write() instead of exiting
    # with its code. Discard what would have been printed.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    run()
