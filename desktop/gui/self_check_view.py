"""The Qt half of ``i3sync --self-check``: open a sync page in the window's own sync view.

:func:`read_sync_page` builds the application as the window does (``qt_setup``), shows a
:class:`~desktop.gui.esws.sync_view.SyncView` (a real QWebEngineView with the guarded page and a
private profile), loads the URL, waits until the page's own script has set its title, and returns
what the page shows. Everything is signal-driven; a timer bounds the wait.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QEventLoop, QTimer

log = logging.getLogger(__name__)

# The simulator's page sets this title once its script ran (desktop/simulator/pages.py).
DONE_TITLE = "Sync complete"
_READ_DOM = """JSON.stringify({
  title: document.title,
  user: (document.getElementById('user') || {}).textContent || '',
  status: (document.getElementById('status') || {}).textContent || ''
})"""


def read_sync_page(url: str, i3_base_url: str, timeout_seconds: float) -> dict[str, str]:
    """Load ``url`` in a SyncView; return its title, user and status texts, whether the window
    icon was found (``icon``: ``yes``/``no``) and which window catalogues Qt can read
    (``languages``: ``nl,de``), or ``error`` when the page did not load in time.
    """
    from desktop.gui.qt_setup import create_application, route_qt_messages_to_log

    app = create_application([])
    # Chromium's offscreen chatter goes to the log, not the report. The Python handler must be
    # removed before returning: a Qt message at exit would call into a finalised interpreter.
    restore = route_qt_messages_to_log()
    try:
        from desktop.gui.esws.sync_view import SyncView
        from desktop.gui.i18n import readable_catalogues

        facts: dict[str, str] = {
            "icon": "no" if app.windowIcon().isNull() else "yes",
            "languages": ",".join(readable_catalogues()),
        }
        loop = QEventLoop()
        page = SyncView()
        page.resize(900, 700)
        page.show()

        def got_dom(text: object) -> None:
            try:
                values = json.loads(str(text))
                facts.update({key: str(values.get(key, "")) for key in ("title", "user", "status")})
            except (TypeError, ValueError):
                facts["error"] = "could not read the page's content"
            loop.quit()

        def read_dom() -> None:
            if page.view is not None:
                page.view.page().runJavaScript(_READ_DOM, 0, got_dom)

        def title_changed(title: str) -> None:
            if title == DONE_TITLE:
                read_dom()

        def loaded(ok: bool) -> None:
            if not ok:
                facts["error"] = f"the page did not load ({page.titleLabel.text()})"
                loop.quit()

        def timed_out() -> None:
            facts["error"] = f"the page's script did not finish within {timeout_seconds:.0f} s"
            loop.quit()

        page.pageLoaded.connect(loaded)
        page.open(url, i3_base_url, cloud=False)
        assert page.view is not None
        page.view.titleChanged.connect(title_changed)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(timed_out)
        timer.start(int(timeout_seconds * 1000))
        loop.exec()
        timer.stop()
        page.close_session()  # view, page, then profile, as Qt requires
        page.close()
        page.deleteLater()
        app.processEvents()
    finally:
        restore()
    return facts
