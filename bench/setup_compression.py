"""Compile installer.iss over an existing payload with several compressions; print size and time.

    python bench/setup_compression.py PAYLOAD [--out DIR] [SETTING ...]

PAYLOAD is the folder the installers package (``payload`` in build.py's build-summary.json). A
SETTING is an Inno ``Compression`` value, optionally with ``+threads=N`` (LZMANumBlockThreads),
e.g. ``lzma2/max`` ``lzma2/ultra64`` ``lzma2/ultra64+threads=1``. One compile at a time; each
result is one line: setting, MB (10^6 bytes), seconds. Measured in packaging/NOTES.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "packaging"))

import installers  # noqa: E402

DEFAULT_SETTINGS = ["lzma2/max", "lzma2/ultra64"]


def compile_once(payload: Path, out: Path, setting: str) -> tuple[float, float]:
    """Size (MB) and seconds of one compile."""
    compression, _, extra = setting.partition("+")
    defines: dict[str, str | Path] = {
        "AppVersion": "0.0.0",
        "SourceDir": payload,
        "OutputDir": out,
        "OutputBaseName": "bench",
        "Compression": compression,
    }
    if extra.startswith("threads="):
        defines["LzmaThreads"] = extra.removeprefix("threads=")
    target = out / "bench.exe"
    target.unlink(missing_ok=True)
    started = time.monotonic()
    run = installers.compile_inno(installers.ISS, defines, timeout=3600)
    seconds = time.monotonic() - started
    if run.returncode != 0 or not target.is_file():
        raise SystemExit(f"{setting}: ISCC exit {run.returncode}\n{run.output[-2000:]}")
    return target.stat().st_size / 1e6, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("payload", type=Path)
    parser.add_argument("settings", nargs="*", default=DEFAULT_SETTINGS)
    parser.add_argument("--out", type=Path, help="where the setups go (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="i3sync-bench-") as scratch:
        out = (args.out or Path(scratch)).resolve()
        out.mkdir(parents=True, exist_ok=True)
        for setting in args.settings:
            size, seconds = compile_once(args.payload.resolve(), out, setting)
            print(f"{setting:<28} {size:8.1f} MB {seconds:7.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
