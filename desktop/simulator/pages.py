"""HTML of the simulated I3 sync pages."""

from __future__ import annotations

from html import escape

from desktop.simulator.esws_logic import Grant

_STYLE = """
body{font-family:Segoe UI,Helvetica,Arial,sans-serif;margin:0;background:#f4f6f9;color:#1d2733}
header{background:#0b4f8a;color:#fff;padding:14px 24px;font-size:18px}
main{max-width:640px;margin:32px auto;background:#fff;border-radius:8px;padding:24px 32px;
box-shadow:0 1px 4px rgba(0,0,0,.12)}
button{background:#0b4f8a;color:#fff;border:0;border-radius:4px;padding:10px 20px;font-size:15px}
.status{margin-top:18px;font-weight:600}
.error{color:#a4161a}
"""


def _page(title: str, body: str, status: int = 200) -> tuple[int, str]:
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><header>I3 (simulator)</header><main>{body}</main></body></html>"
    )
    return status, html


def one_user_page(grant: Grant) -> tuple[int, str]:
    assert grant.user is not None
    who = f"{escape(grant.user.name)} (id {escape(grant.user.user_id)})"
    if grant.location_id is not None:
        where = escape(grant.location_name or f"location {grant.location_id}")
        body = (
            f"<h1>One user sync</h1><p id='user'>User: {who}</p>"
            f"<p id='location'>Location: {where} (id {grant.location_id})</p>"
            "<p id='status' class='status'>Synchronisation started automatically…</p>"
            "<script>setTimeout(function(){document.getElementById('status').textContent="
            "'Synchronisation complete';document.title='Sync complete';},300);</script>"
        )
    else:
        options = "".join(
            f"<option value='{lid}'>{escape(name)}</option>"
            for lid, name in sorted(grant.company.locations.items())
        )
        body = (
            f"<h1>One user sync</h1><p id='user'>User: {who}</p>"
            f"<label for='location'>Location</label> <select id='location'>{options}</select> "
            "<button id='sync' onclick=\"document.getElementById('status').textContent="
            "'Synchronisation complete';document.title='Sync complete';\">Synchronize</button>"
            "<p id='status' class='status'>Choose a location and press Synchronize.</p>"
        )
    return _page("I3 one user sync", body)


def total_page(grant: Grant) -> tuple[int, str]:
    count = len(grant.company.users)
    body = (
        f"<h1>Synchronise all users</h1><p>{escape(grant.company.name)}: {count} users.</p>"
        "<button id='sync' onclick=\"document.getElementById('status').textContent="
        f"'All {count} users synchronised';document.title='Sync complete';\">Synchronize</button>"
        "<p id='status' class='status'>Press Synchronize to start.</p>"
    )
    return _page("I3 total sync", body)


def expired_page() -> tuple[int, str]:
    body = (
        "<h1 class='error'>This sync link is not valid</h1>"
        "<p id='status' class='status error'>The token was already used or is unknown. "
        "Request a new sync from I3 Sync Desktop.</p>"
    )
    return _page("I3 sync link not valid", body, status=403)


def not_found_page() -> tuple[int, str]:
    return _page("Not found", "<h1>Not found</h1>", status=404)
