"""The profile file's problems and notices: the English the command line prints is what it was,
and ``LoadResult.problem_text``/``notices_text`` give the same sentences with their words
translated (names, paths and registry value names verbatim)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from desktop.esws.managed import ManagedProfiles, load_managed
from desktop.esws.profile_state import (
    MANAGED_UNREADABLE,
    UNREADABLE_LEFT,
    UNREADABLE_MOVED,
    UNREADABLE_NOT_MOVED,
)
from desktop.esws.profiles import FORMAT_VERSION, ProfileStore
from desktop.esws.profiles_io import NOTICE_CONTEXT, Notice, shown_name

OWN = {
    "name": "Head office",
    "esws_endpoint": "https://esws.example.test/webservicesesws",
    "i3_base_url": "https://i3.example.test",
    "admin_username": "hr.admin",
}
HEAD_OFFICE = {"Endpoint": "https://esws.example.test/webservicesesws", "Cloud": 1}

# (context, English) -> "Dutch", as a catalogue would hold them.
DUTCH = {
    (
        NOTICE_CONTEXT,
        "The saved profile {name} could not be used ({reason}) and was set aside; "
        "it stays in {path} as it was.",
    ): "Het profiel {name} is apart gezet ({reason}); het staat nog in {path}.",
    (NOTICE_CONTEXT, "number {number}"): "nummer {number}",
    (NOTICE_CONTEXT, "“{name}”"): "„{name}“",
    (NOTICE_CONTEXT, "it is not an object"): "het is geen object",
    (
        NOTICE_CONTEXT,
        "Your profile “{name}” has the name of a profile your IT department manages; "
        "the managed one is shown, yours is kept in the file as it is.",
    ): "Uw profiel „{name}“ heeft de naam van een beheerd profiel.",
    (
        NOTICE_CONTEXT,
        "The profile {name} set by your IT department (registry policy) could not be "
        "used ({reason}); it is left out.",
    ): "Het beheerde profiel {name} is weggelaten ({reason}).",
    (NOTICE_CONTEXT, "its {value} is not 0 or 1"): "de waarde {value} is geen 0 of 1",
    (NOTICE_CONTEXT, "its {value} {problem}"): "{value}: {problem}",
    (NOTICE_CONTEXT, "its {field} {problem}"): "veld {field}: {problem}",
    (NOTICE_CONTEXT, "its {value} is not true or false"): "de waarde {value} is geen true/false",
    (NOTICE_CONTEXT, "it has no name"): "het heeft geen naam",
    (NOTICE_CONTEXT, "its id is not valid"): "de id is ongeldig",
    (NOTICE_CONTEXT, "its {value} is not a list of addresses"): "{value} is geen adreslijst",
    ("Fields", "I3 address"): "I3-adres",
    (
        NOTICE_CONTEXT,
        "Your profiles file was written by a newer version of I3 Sync (format "
        "{version}); settings this version does not know are kept as they are when it saves.",
    ): ("Uw profielbestand komt uit een nieuwere versie (formaat {version})."),
}


def dutch(context: str, text: str) -> str:
    return DUTCH.get((context, text), text)


def write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def policy(keys: dict[str, dict[str, object]]) -> Callable[[], ManagedProfiles]:
    return lambda: load_managed(keys, None, FORMAT_VERSION)


def test_a_set_aside_profile_keeps_its_english_and_reads_dutch(tmp_path: Path) -> None:
    path = write(tmp_path / "profiles.json", {"version": 1, "profiles": [OWN, "oops"]})
    loaded = ProfileStore(path).load()
    english = (
        "The saved profile number 2 could not be used (it is not an object) and was set aside; "
        f"it stays in {path} as it was."
    )
    assert loaded.problem == english and loaded.notices == [english]
    assert isinstance(loaded.problems[0], Notice)
    assert loaded.problem_text(dutch) == (
        f"Het profiel nummer 2 is apart gezet (het is geen object); het staat nog in {path}."
    )
    assert loaded.notices_text(dutch) == [loaded.problem_text(dutch)]
    assert loaded.names == ["Head office"]


def test_managed_profiles_notices_read_dutch_with_names_and_values_verbatim(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "profiles.json", {"version": 99, "profiles": [OWN]})
    keys: dict[str, dict[str, object]] = {
        "Head office": HEAD_OFFICE,
        "Branch": {"Endpoint": "https://esws.example.test/ws", "Cloud": 7},
        "Lab": {"Endpoint": "https://esws.example.test/ws", "I3Url": "ftp://i3.example"},
    }
    loaded = ProfileStore(path, managed=policy(keys)).load()
    assert loaded.problem is None and loaded.problem_text(dutch) is None
    english = loaded.notices
    assert english[0] == (
        "The profile “Branch” set by your IT department (registry policy) could not be used "
        "(its Cloud is not 0 or 1); it is left out."
    )
    assert english[1].startswith(
        "The profile “Lab” set by your IT department (registry policy) could not be used (its "
        "I3 address "
    )
    assert english[2] == (
        "Your profile “Head office” has the name of a profile your IT department manages; the "
        "managed one is shown, yours is kept in the file as it is."
    )
    assert english[3].startswith("Your profiles file was written by a newer version of I3 Sync")
    shown = loaded.notices_text(dutch)
    assert shown[0] == (
        "Het beheerde profiel „Branch“ is weggelaten (de waarde Cloud is geen 0 of 1)."
    )
    assert shown[1].startswith("Het beheerde profiel „Lab“ is weggelaten (veld I3-adres: ")
    assert shown[2] == "Uw profiel „Head office“ heeft de naam van een beheerd profiel."
    assert shown[3] == "Uw profielbestand komt uit een nieuwere versie (formaat 99)."


def test_a_notice_is_its_english_and_survives_a_damaged_translation() -> None:
    name = shown_name({"name": "Zürich"}, 0)
    assert name == "“Zürich”" and name.text(dutch) == "„Zürich“"
    notice = Notice("it could not be opened ({error})", {"error": "PermissionError"})
    assert notice == "it could not be opened (PermissionError)"
    assert notice.text(lambda _c, _t: "kon niet open ({fout})") == notice
    assert Notice("{brace} literal").text(dutch) == "{brace} literal"  # no values: not formatted


def test_a_sentence_worded_elsewhere_is_shown_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "profiles.json").mkdir()  # a folder where the file should be: not readable
    loaded = ProfileStore(tmp_path / "profiles.json").load()
    assert loaded.problem is not None and "it is a folder, not a file" in loaded.problem
    assert loaded.problem_text(lambda _c, text: text) == loaded.problem


def test_the_whole_file_templates_give_the_english_the_store_writes(tmp_path: Path) -> None:
    moved = tmp_path / "profiles.json.corrupt-1"
    assert Notice(UNREADABLE_MOVED, {"reason": "it is not valid JSON", "moved": str(moved)}) == (
        f"Your saved profiles could not be read (it is not valid JSON). The file was kept as "
        f"{moved}; profiles start empty."
    )
    path = str(tmp_path / "profiles.json")
    assert Notice(UNREADABLE_LEFT, {"error": "MemoryError", "path": path}) == (
        f"Your saved profiles could not be read (MemoryError); the file {path} is left as it "
        "was. Profiles start empty."
    )
    assert Notice(UNREADABLE_NOT_MOVED, {"reason": "it is too large", "path": path}) == (
        f"Your saved profiles could not be read (it is too large), and the file {path} could "
        "not be moved aside; it is left as it was. Profiles start empty."
    )
    assert Notice(MANAGED_UNREADABLE, {"error": "OSError"}) == (
        "The profiles your IT department manages could not be read (OSError)."
    )


def test_why_an_entry_of_the_users_own_file_was_set_aside_reads_dutch_too(tmp_path: Path) -> None:
    entries: list[object] = [
        OWN,
        {**OWN, "name": "Cloud", "cloud": "yes"},
        {key: value for key, value in OWN.items() if key != "name"},
        {**OWN, "name": "Bad id", "id": "../x"},
        {**OWN, "name": "Origins", "allowed_origins": "https://a.example"},
        {**OWN, "name": "Port", "i3_base_url": "ftp://i3.example"},
    ]
    path = write(tmp_path / "profiles.json", {"version": 1, "profiles": entries})
    loaded = ProfileStore(path).load()
    reasons = [
        str(problem).split(" could not be used (")[1].split(") and was")[0]
        for problem in loaded.problems
    ]
    assert reasons[:4] == [
        "its cloud is not true or false",
        "it has no name",
        "its id is not valid",
        "its allowed_origins is not a list of addresses",
    ]
    assert reasons[4].startswith("its I3 address ")
    shown = loaded.notices_text(dutch)
    assert [text.split("(")[1].split(");")[0] for text in shown[:4]] == [
        "de waarde cloud is geen true/false",
        "het heeft geen naam",
        "de id is ongeldig",
        "allowed_origins is geen adreslijst",
    ]
    assert "veld I3-adres: " in shown[4]
    assert loaded.names == ["Head office"]
