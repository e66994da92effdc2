"""What counts as a network share for the WSDL fence: what Windows would open as one, tested the
same on every platform (opening a share sends the user's NTLM credentials to its host)."""

from __future__ import annotations

import pytest

from desktop.esws.wsdl_fence import _file_path, _is_unc


@pytest.mark.parametrize(
    "location",
    [
        "//host/share/x.xsd",
        "\\\\host\\share\\x.xsd",
        "\\/host\\share\\x.xsd",
        "/\\host\\share\\x.xsd",
        "\\/host/share",
        "/tmp/wsdl/\\/host\\share\\x.xsd",  # zeep joined a relative import to the WSDL's folder
    ],
)
def test_every_separator_mix_that_windows_reads_as_a_share_is_one(location: str) -> None:
    assert _is_unc(location)


@pytest.mark.parametrize(
    "location",
    ["/tmp/wsdl/extra.xsd", "extra.xsd", "C:\\wsdl\\extra.xsd", "C:/wsdl/extra.xsd", "/tmp//x.xsd"],
)
def test_ordinary_paths_are_not_shares(location: str) -> None:
    assert not _is_unc(location)


def test_a_file_url_naming_a_host_is_no_local_path() -> None:
    assert _file_path("file://host/share/x.xsd") is None
    assert _file_path("file://HOST/share/x.xsd") is None


def test_a_file_url_is_percent_decoded() -> None:
    decoded = _file_path("file:///tmp/my%20schema%20%231.xsd") or ""
    assert decoded.endswith("my schema #1.xsd")  # "\\tmp\\..." on Windows
    assert (_file_path("file://localhost/tmp/x.xsd") or "").endswith("x.xsd")
    assert _is_unc(_file_path("file:///%5C%5Chost%5Cshare") or "")
    assert _is_unc(_file_path("file:////host/share") or "")
