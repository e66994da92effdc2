"""Whatever profiles.json holds, loading it never raises and never throws a good profile away."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import InputError
from desktop.esws.profiles import (
    FIELD_ESWS_ENDPOINT,
    FORMAT_VERSION,
    LoadResult,
    Profile,
    ProfileStore,
)

GOOD = {"name": "Good", "id": "good1", "esws_endpoint": "https://esws.example.test/esws"}
BOM = b"\xef\xbb\xbf"


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "cfg" / "profiles.json")


def write(store: ProfileStore, document: object, prefix: bytes = b"") -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_bytes(prefix + json.dumps(document, ensure_ascii=False).encode("utf-8"))


def corrupt_files(store: ProfileStore) -> list[Path]:
    return sorted(store.path.parent.glob(store.path.name + ".corrupt-*"))


def test_a_file_with_a_utf8_bom_is_read_not_set_aside(store: ProfileStore) -> None:
    write(store, {"version": 1, "profiles": [GOOD, {"name": "Zürich"}]}, prefix=BOM)
    result = store.load()
    assert result.names == ["Good", "Zürich"]
    assert result.problem is None and result.quarantined is None
    assert corrupt_files(store) == []
    store.add(Profile(name="Third"))
    assert not store.path.read_bytes().startswith(BOM)
    assert store.load().names == ["Good", "Zürich", "Third"]


BAD_ENTRIES: list[tuple[object, str]] = [
    ({"esws_endpoint": "https://x.test"}, "number 2"),
    ({"name": "A", "cloud": "yes"}, "“A”"),
    ({"name": "good"}, "“good”"),  # the same name as GOOD, case aside
    ({"name": "A", "i3_base_url": "file:///etc"}, "“A”"),
    ({"name": "Loopback", "esws_endpoint": "http://[::1"}, "“Loopback”"),
    ({"name": "Bad port", "i3_base_url": "https://i3.test:99999"}, "“Bad port”"),
    ({"name": "Twin", "id": "good1"}, "“Twin”"),  # a copied entry: same id
    ({"name": "Odd id", "id": "../../etc"}, "“Odd id”"),
    ({"name": "Origins", "allowed_origins": "https://x.test"}, "“Origins”"),
    ({"name": "Origins", "allowed_origins": ["https://x.test/path"]}, "“Origins”"),
    ({"name": "Spelling", "total_sync_path": "../admin"}, "“Spelling”"),
    ({"name": "Evil\u202etxt.exe"}, "number 2"),  # a name that would display reversed
    (["not", "an", "object"], "number 2"),
    (None, "number 2"),
]


@pytest.mark.parametrize(("entry", "shown"), BAD_ENTRIES)
def test_one_bad_profile_is_set_aside_and_named_not_the_whole_file(
    store: ProfileStore, entry: object, shown: str
) -> None:
    write(store, {"version": 1, "profiles": [GOOD, entry], "last_used": "Good"})
    result = store.load()
    assert result.names == ["Good"]
    assert result.last_used == "Good"
    assert result.problem is not None and shown in result.problem
    assert "set aside" in result.problem and str(store.path) in result.problem
    assert result.notices == [result.problem]
    assert result.quarantined is None and corrupt_files(store) == []
    # Kept in the file as it was, through a change to the good profile.
    store.add(Profile(name="New"))
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert entry in data["profiles"]
    assert store.load().names == ["Good", "New"]


def test_an_unparsable_endpoint_is_an_input_error_naming_the_field() -> None:
    with pytest.raises(InputError) as caught:
        Profile(name="Loopback", esws_endpoint="http://[::1").validate()
    assert caught.value.field == FIELD_ESWS_ENDPOINT


def test_a_newer_file_is_read_and_never_rewritten_as_older(store: ProfileStore) -> None:
    newer = FORMAT_VERSION + 1
    write(
        store,
        {
            "version": newer,
            "sync_defaults": {"kind": "total"},
            "profiles": [{**GOOD, "proxy": {"host": "p"}}, {"name": "Future", "cloud": "maybe"}],
        },
    )
    result = store.load()
    assert result.names == ["Good"]
    assert any("newer version" in notice for notice in result.notices)
    assert result.problem is not None and "“Future”" in result.problem
    store.add(Profile(name="Added"))
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["version"] == newer
    assert data["sync_defaults"] == {"kind": "total"}
    assert data["profiles"][0]["proxy"] == {"host": "p"}
    assert {"name": "Future", "cloud": "maybe"} in data["profiles"]


def test_an_ordinary_file_has_no_notice(store: ProfileStore) -> None:
    store.add(Profile(name="Plain"))
    assert store.load().notices == []


# -- fuzzing ---------------------------------------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(
        [
            "http://[::1",
            "https://[",
            "https://i3.example.test",
            "Acme",
            "acme",
            "\ud800",
            "\u202e",
            "totalSyncUserLogin",
            "legacy-00",
            "",
        ]
    )
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
_KEYS = st.sampled_from(
    [
        "name",
        "id",
        "esws_endpoint",
        "i3_base_url",
        "admin_username",
        "cloud",
        "remember_password",
        "wsdl",
        "allowed_origins",
        "total_sync_path",
        "legacy_vault_key",
        "other",
    ]
)
_ENTRY = st.dictionaries(_KEYS, _JSON, max_size=8)
_DOCUMENT = st.fixed_dictionaries(
    {
        "version": st.integers(min_value=-1, max_value=4) | _JSON,
        "profiles": st.lists(_ENTRY | _JSON, max_size=5) | _JSON,
    },
    optional={"last_used": _JSON, "extra": _JSON},
)


def _load_and_change(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = ProfileStore(Path(folder) / "profiles.json")
        store.path.write_bytes(content)
        result = store.load()
        assert isinstance(result, LoadResult)
        assert all(isinstance(p, Profile) for p in result.profiles)
        for profile in result.profiles:
            profile.validate()  # whatever was used is a valid profile
        # Whatever was read can be written back, and read again.
        with contextlib.suppress(InputError):
            store.add(Profile(name="Fresh profile"))
        assert isinstance(store.load(), LoadResult)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENT, st.booleans())
def test_load_of_any_json_shape_never_raises(document: dict[str, Any], bom: bool) -> None:
    text = json.dumps(document, ensure_ascii=bool(bom))  # both encodings of surrogates
    _load_and_change((BOM if bom else b"") + text.encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_load_of_any_bytes_never_raises(content: bytes) -> None:
    _load_and_change(content)
