"""How long ``i3sync url one`` takes against a local NuSOAP ESWS, next to a plain requests.post.

Run by hand (needs php-cli, php-xml, libnusoap-php): ``.venv/bin/python bench/cli_vs_post.py [N]``.
Prints medians over N runs (default 50), each measured in this same run, and their ratios:
  - post:   requests.post of the same envelope (one HTTP round trip, nothing else);
  - client: EswsClient.fetch_token in a warm process (zeep, validation, mapping);
  - cli:    the whole ``i3sync url one`` command as a new process (interpreter, imports, WSDL).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.envelope import HEADERS, sync_envelope
from desktop.esws.client import EswsClient
from desktop.esws.request import SyncKind, build_request
from tests.esws_seed import ADMIN_PLAIN, COMPANY_A_CODE, USER_42
from tests.nusoap_server import NusoapEsws


def median_seconds(action: object, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    # Installed copies run from bytecode; with PYTHONDONTWRITEBYTECODE=1 a source tree would not.
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "desktop"), quiet=1)
    server = NusoapEsws().start()
    try:
        body = sync_envelope(COMPANY_A_CODE, ADMIN_PLAIN.username, ADMIN_PLAIN.password, USER_42, 3)
        headers = HEADERS

        def post() -> None:
            reply = requests.post(server.endpoint, data=body, headers=headers, timeout=10)
            assert len(reply.text) > 128 and "<return" in reply.text

        request = build_request(
            SyncKind.ONE_USER,
            company_id=COMPANY_A_CODE,
            admin_username=ADMIN_PLAIN.username,
            admin_password=ADMIN_PLAIN.password,
            user_id=USER_42,
            location="3",
        )
        client = EswsClient(server.endpoint)

        def fetch() -> None:
            assert len(client.fetch_token(request)) == 128

        env = dict(
            os.environ,
            I3SYNC_COMPANY_ID=COMPANY_A_CODE,
            I3SYNC_PASSWORD=ADMIN_PLAIN.password,
            PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        )
        command = [sys.executable, "-m", "desktop", "url", "one", "--endpoint", server.endpoint]
        command += ["--admin", ADMIN_PLAIN.username, "--user", USER_42, "--location", "3"]

        def cli() -> None:
            result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            assert result.returncode == 0, result.stderr

        post()
        fetch()
        cli()  # warm caches: the first run of each pays for disk reads
        post_s = median_seconds(post, runs)
        client_s = median_seconds(fetch, runs)
        cli_s = median_seconds(cli, runs)
        client.close()
    finally:
        server.stop()
    print(f"runs each: {runs}")
    for label, seconds in (
        ("requests.post of the envelope", post_s),
        ("EswsClient.fetch_token (warm)", client_s),
        ("i3sync url one (new process)", cli_s),
    ):
        print(f"{label:32} median {seconds * 1000:8.2f} ms   {seconds / post_s:6.2f}x")


if __name__ == "__main__":
    main()
