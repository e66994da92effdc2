"""Input problems the window shows carry a marked template and its values; the English problem
(what the command line prints, and scripts may match) is exactly the filled template, word for
word what it was before templates existed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.errors import InputError
from desktop.esws.managed import ManagedProfiles, managed_profile_id, preference_change
from desktop.esws.profile_model import Profile, parse_allowed_origins
from desktop.esws.profiles import ProfileStore
from desktop.esws.request import (
    FIELD_ADMIN,
    FIELD_COMPANY_ID,
    FIELD_LOCATION,
    FIELD_PASSWORD,
    FIELD_USER,
    SyncKind,
    build_request,
    check_company_id,
    check_required,
    parse_location,
    validation_problems,
)

GOOD = {"company_id": "c" * 32, "admin_username": "admin", "admin_password": "pw"}
ORIGINS_TOO_MANY = " ".join(f"https://i3-{n}.example.com" for n in range(21))

# (what is checked, the field it names, the English problem as the CLI has always printed it)
CASES: list[tuple[str, Callable[[], object], str, str]] = [
    (
        "empty security code",
        lambda: check_company_id(""),
        FIELD_COMPANY_ID,
        "is empty; paste the 32-character code from Identysoft",
    ),
    (
        "short security code",
        lambda: check_company_id("c" * 5),
        FIELD_COMPANY_ID,
        "must be exactly 32 characters, got 5",
    ),
    (
        "security code with a space",
        lambda: check_company_id("c" * 32 + " "),
        FIELD_COMPANY_ID,
        "must be exactly 32 characters, got 33",
    ),
    (
        "security code with a line break",
        lambda: check_company_id("c" * 31 + "\n"),
        FIELD_COMPANY_ID,
        "must not contain control characters or line breaks",
    ),
    ("blank admin", lambda: check_required(FIELD_ADMIN, "  "), FIELD_ADMIN, "is required"),
    (
        "admin with a direction mark",
        lambda: check_required(FIELD_ADMIN, "ad\u202emin"),
        FIELD_ADMIN,
        "must not contain bidirectional-text control characters",
    ),
    (
        "user id that is not text",
        lambda: check_required(FIELD_USER, "u\udcff"),
        FIELD_USER,
        "holds bytes that are not valid text in this system's encoding",
    ),
    (
        "empty password in a request",
        lambda: build_request(SyncKind.ALL_USERS, **{**GOOD, "admin_password": ""}),
        FIELD_PASSWORD,
        "is required",
    ),
    (
        "location in words",
        lambda: parse_location("twelve"),
        FIELD_LOCATION,
        "must be a whole number, or empty for none",
    ),
    (
        "location zero",
        lambda: parse_location("0"),
        FIELD_LOCATION,
        "must be a positive number, or empty for none",
    ),
    ("location above 2**31", lambda: parse_location("2147483648"), FIELD_LOCATION, "is too large"),
    ("location of 5000 digits", lambda: parse_location("9" * 5000), FIELD_LOCATION, "is too large"),
    ("empty name", lambda: Profile(name=" ").validate(), "name", "is required"),
    (
        "name with a space",
        lambda: Profile(name=" Office").validate(),
        "name",
        "must not start or end with a space",
    ),
    (
        "long name",
        lambda: Profile(name="n" * 101).validate(),
        "name",
        "must be at most 100 characters",
    ),
    (
        "name with a direction mark",
        lambda: Profile(name="Off\u202eice").validate(),
        "name",
        "must not contain control characters, line breaks or direction marks",
    ),
    (
        "endpoint with a line break",
        lambda: Profile(name="Office", esws_endpoint="https://esws.example/\n").validate(),
        "ESWS endpoint",
        "is not a valid address",
    ),
    (
        "admin with a line break",
        lambda: Profile(name="Office", admin_username="ad\nmin").validate(),
        "admin username",
        "must not contain control characters or line breaks",
    ),
    (
        "blank WSDL",
        lambda: Profile(name="Office", wsdl=" ").validate(),
        "WSDL",
        "must be a file path or an address, or left unset",
    ),
    (
        "unknown total sync page",
        lambda: Profile(name="Office", total_sync_path="totalSync").validate(),
        "total sync page",
        "must be one of totalSyncUsersLogin or totalSyncUserLogin",
    ),
    (
        "bad profile id",
        lambda: Profile(name="Office", id="not/an/id").validate(),
        "name",
        "has an invalid profile id",
    ),
    (
        "origin written otherwise",
        lambda: Profile(name="Office", allowed_origins=("https://I3.example.com:443",)).validate(),
        "other I3 addresses",
        "must be written as https://host[:port]",
    ),
    (
        "origin with a path",
        lambda: parse_allowed_origins("https://i3.example.com/users"),
        "other I3 addresses",
        "must be addresses without a path",
    ),
    (
        "origin with a control character",
        lambda: parse_allowed_origins("https://i3.exa\x01mple.com"),
        "other I3 addresses",
        "must be addresses such as https://i3.example.com",
    ),
    (
        "too many origins",
        lambda: parse_allowed_origins(ORIGINS_TOO_MANY),
        "other I3 addresses",
        "may list at most 20",
    ),
]


def _raised(check: Callable[[], object]) -> InputError:
    with pytest.raises(InputError) as caught:
        check()
    return caught.value


@pytest.mark.parametrize(
    ("check", "field", "english"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_a_templated_problem_reads_as_the_english_it_always_was(
    check: Callable[[], object], field: str, english: str
) -> None:
    error = _raised(check)
    assert error.field == field
    assert error.problem == english
    assert error.template is not None
    assert error.template.format(**error.values) == english
    assert str(error) == f"{field}: {english}"


def test_the_values_are_the_numbers_not_the_typed_text() -> None:
    error = _raised(lambda: check_company_id("s3cr3t"))
    assert error.template == "must be exactly {length} characters, got {count}"
    assert error.values == {"length": 32, "count": 6}
    assert all("s3cr3t" not in str(value) for value in error.values.values())


def test_the_form_checks_give_the_errors_and_the_english_they_always_gave() -> None:
    values = {**GOOD, "company_id": "c" * 5, "user_id": " ", "location": "0"}
    errors = validation_problems(SyncKind.ONE_USER, **values)
    assert {name: error.problem for name, error in errors.items()} == {
        FIELD_COMPANY_ID: "must be exactly 32 characters, got 5",
        FIELD_USER: "is required",
        FIELD_LOCATION: "must be a positive number, or empty for none",
    }
    assert all(error.template is not None for error in errors.values())


def test_an_input_error_without_a_template_is_as_before() -> None:
    error = InputError("port", "is out of range")
    assert (error.problem, error.template, error.values) == ("is out of range", None, {})
    with pytest.raises(TypeError):
        InputError("port")


def _managed(profile: Profile) -> Callable[[], ManagedProfiles]:
    return lambda: ManagedProfiles([profile])


HEAD_OFFICE = Profile(
    name="Head office",
    esws_endpoint="https://esws.example/ws",
    id=managed_profile_id("policy", "Head office"),
    managed=True,
)


@pytest.mark.parametrize(
    ("change", "english"),
    [
        (
            lambda store: store.add(Profile(name="office")),
            "is already taken: a profile with this name already exists",
        ),
        (
            lambda store: store.add_many([Profile(name="OFFICE")], replace_same_name=False),
            "“OFFICE” is already taken: a profile with this name already exists",
        ),
        (
            lambda store: store.add_many([Profile(name="head office")], replace_same_name=False),
            "“head office” is the name of a profile your IT department manages: choose another",
        ),
        (
            lambda store: store.add(Profile(name="HEAD OFFICE")),
            "is the name of a profile your IT department manages: choose another",
        ),
        (
            lambda store: store.delete("Head office"),
            "is managed by your IT department: it cannot be changed or removed here",
        ),
        (lambda store: store.rename("Nowhere", "Elsewhere"), "names no saved profile"),
        (
            lambda store: store.update(Profile(name="Gone")),
            "belongs to a profile that was deleted meanwhile",
        ),
        (
            lambda store: store.save(
                [Profile(name="A", id="same"), Profile(name="B", id="same")], None
            ),
            "is listed twice (the same profile id)",
        ),
    ],
    ids=[
        "add",
        "add many",
        "add many managed",
        "managed name",
        "delete managed",
        "rename",
        "update",
        "save",
    ],
)
def test_profile_store_problems_read_as_before(
    tmp_path: Path, change: Callable[[ProfileStore], object], english: str
) -> None:
    store = ProfileStore(tmp_path / "profiles.json", managed=_managed(HEAD_OFFICE))
    store.add(Profile(name="Office"))
    error = _raised(lambda: change(store))
    assert error.field == "name"
    assert error.problem == english
    assert error.template is not None
    assert error.template.format(**error.values) == english


def test_changing_what_it_set_names_the_field_as_before() -> None:
    error = _raised(lambda: preference_change(HEAD_OFFICE, replace(HEAD_OFFICE, cloud=True)))
    assert (error.field, error.problem) == (
        "cloud",
        "is managed by your IT department: it cannot be changed or removed here",
    )
    assert error.template is not None
