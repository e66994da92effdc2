"""Freeze probe: QtWebEngine offscreen page load, keyring backend, zeep+lxml WSDL parse.

Frozen by packaging/probe/probe.spec to check that a trimmed PyInstaller onedir build of the app's
stack still works. Run (frozen or not):

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 dist/probe/probe [--no-web]

Prints FROZEN/MISC/KEYRING/ZEEP/WEB lines; exit 0 only if the page loaded and its DOM was read.
The page is served by a thread on 127.0.0.1 (random port), so no network is needed.
"""

from __future__ import annotations

import http.server
import os
import sys
import threading
import time
from pathlib import Path

T0 = time.monotonic()


def here() -> Path:
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent))


def check_keyring() -> None:
    from importlib import metadata

    import keyring

    kr = keyring.get_keyring()
    eps = [ep.name for ep in metadata.entry_points(group="keyring.backends")]
    name = f"{type(kr).__module__}.{type(kr).__name__}"
    print(f"KEYRING backend={name} priority={getattr(kr, 'priority', '?')}")
    print(f"KEYRING entry_points={sorted(eps)}")
    try:
        keyring.set_password("i3sync-probe", "u", "s3cret")
        print("KEYRING set/get ->", keyring.get_password("i3sync-probe", "u"))
    except Exception as exc:
        print(f"KEYRING set failed: {type(exc).__name__}: {exc}")


def check_zeep() -> None:
    import lxml.etree
    import zeep

    wsdl = here() / "esws.wsdl"
    if not wsdl.exists():  # unfrozen, from the repository
        wsdl = Path(__file__).resolve().parents[2] / "resources" / "esws.wsdl"
    client = zeep.Client(str(wsdl))
    ops = sorted(client.service._binding._operations)
    print(f"ZEEP {zeep.__version__} lxml {lxml.etree.__version__} ops={ops}")


def check_misc() -> None:
    import platformdirs
    import requests
    import truststore

    print(
        f"MISC requests {requests.__version__} truststore {truststore.__version__} "
        f"platformdirs {platformdirs.__version__}"
    )


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = (
            b"<html><head><title>probe-page</title></head><body><h1 id=x>hello</h1></body></html>"
        )
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def check_web() -> int:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{srv.server_address[1]}/"

    app = QApplication(sys.argv[:1])
    view = QWebEngineView()
    view.resize(400, 300)
    result = {"rc": 3}

    def finished(ok: bool) -> None:
        def got(text: object) -> None:
            print(
                f"WEB loadFinished ok={ok} title={view.title()!r} h1={text!r} "
                f"t={time.monotonic() - T0:.2f}s"
            )
            result["rc"] = 0 if ok and text == "hello" else 4
            app.quit()

        view.page().runJavaScript("document.getElementById('x').textContent", 0, got)

    view.loadFinished.connect(finished)
    view.load(QUrl(url))
    view.show()
    QTimer.singleShot(60_000, lambda: (print("WEB timeout"), app.quit()))
    app.exec()
    srv.shutdown()
    return result["rc"]


def main() -> int:
    print(f"FROZEN={getattr(sys, 'frozen', False)} python={sys.version.split()[0]}")
    check_misc()
    check_keyring()
    check_zeep()
    if "--no-web" in sys.argv:
        return 0
    return check_web()


if __name__ == "__main__":
    sys.exit(main())
