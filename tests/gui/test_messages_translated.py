"""The window's messages in the chosen language: a refusal, a transport problem and an input
problem come out translated from a real (small) Qt catalogue, with the vendor's code, the host and
the technical details verbatim."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import InputError, TransportError, TransportProblem, VendorRefusal
from desktop.esws.refusals import REFUSALS
from desktop.esws.request import (
    FIELD_COMPANY_ID,
    FIELD_LOCATION,
    SyncKind,
    check_company_id,
    validation_problems,
)
from desktop.gui.messages import describe, field_message
from tests.gui.catalogues import catalogue_from, compiled_catalogue

NO_ADMIN = "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD"

# context -> {English source: Dutch}, as a translator would fill the catalogue.
DUTCH: dict[str, dict[str, str]] = {
    "Messages": {
        "The username or password is not correct": "De gebruikersnaam of het wachtwoord klopt niet",
        "Error code: {code}": "Foutcode: {code}",
        "Could not reach ESWS at {where}": "ESWS op {where} is niet bereikbaar",
        "(Details: {problem}.)": "(Technisch: {problem}.)",
        "Is the API Agent / API Server running and reachable from this computer?": (
            "Draait de API Agent / API Server en is die vanaf deze computer bereikbaar?"
        ),
        "No answer within {seconds} from ESWS at {where}": (
            "Geen antwoord van ESWS op {where} binnen {seconds}"
        ),
        "Check the {field}: {problem}.": "Controleer de {field}: {problem}.",
        "The {field} {problem}.": "De {field} {problem}.",
        "Was a space pasted at the start or end?": (
            "Is er een spatie aan het begin of eind meegeplakt?"
        ),
        "Nothing answered at that address. Check the ESWS address in the profile "
        "(Manage profiles).": (
            "Op dat adres antwoordde niets. Controleer het ESWS-adres in het profiel "
            "(Profielen beheren)."
        ),
    },
    "Refusals": {
        REFUSALS[NO_ADMIN].advice: (
            "De gebruikersnaam en het wachtwoord horen niet bij een I3-beheerder van dit bedrijf. "
            "Controleer beide (let op hoofdletters in het wachtwoord)."
        ),
    },
    "Fields": {"security code": "beveiligingscode", "location id": "locatie-ID"},
    "Input": {
        "must be exactly {length} characters, got {count}": (
            "moet precies {length} tekens lang zijn, niet {count}"
        ),
        "is too large": "is te groot",
    },
}


@pytest.fixture
def dutch(qapp: Any, tmp_path: Path) -> Iterator[None]:
    with catalogue_from(compiled_catalogue(tmp_path, DUTCH, "messages_nl")):
        yield


def _refusal() -> VendorRefusal:
    return VendorRefusal(NO_ADMIN, REFUSALS[NO_ADMIN].advice, field=REFUSALS[NO_ADMIN].field)


def test_a_refusal_is_explained_in_dutch_with_the_code_verbatim(dutch: None) -> None:
    problem = describe(_refusal())
    assert problem.headline == "De gebruikersnaam of het wachtwoord klopt niet"
    assert problem.advice.startswith("De gebruikersnaam en het wachtwoord horen niet bij")
    assert problem.code == NO_ADMIN
    assert problem.code_line == f"Foutcode: {NO_ADMIN}"
    assert problem.html().endswith(f"<br><small>Foutcode: {NO_ADMIN}</small>")
    assert problem.plain().endswith(f"Foutcode: {NO_ADMIN}")


def test_a_transport_problem_is_explained_in_dutch_with_the_host_and_details(dutch: None) -> None:
    problem = describe(TransportError("http://esws.example:8080/ws", TransportProblem.REFUSED))
    assert problem.headline == "ESWS op esws.example:8080 is niet bereikbaar"
    assert problem.advice == (
        "Op dat adres antwoordde niets. Controleer het ESWS-adres in het profiel "
        "(Profielen beheren). (Technisch: connection refused.) "
        "Draait de API Agent / API Server en is die vanaf deze computer bereikbaar?"
    )
    timeout = describe(
        TransportError("https://esws.example/ws", TransportProblem.READ_TIMEOUT), timeout=12
    )
    assert timeout.headline == "Geen antwoord van ESWS op esws.example binnen 12 s"


def test_an_input_problem_is_explained_in_dutch_with_its_values(dutch: None) -> None:
    with pytest.raises(InputError) as caught:
        check_company_id("c" * 5)
    assert describe(caught.value).headline == (
        "Controleer de beveiligingscode: moet precies 32 tekens lang zijn, niet 5."
    )
    assert caught.value.problem == "must be exactly 32 characters, got 5"  # the CLI's English

    pasted = " " + "c" * 32
    errors = validation_problems(
        SyncKind.ONE_USER,
        company_id=pasted,
        admin_username="admin",
        admin_password="pw",
        user_id="42",
        location="99999999999",
    )
    assert field_message(FIELD_COMPANY_ID, errors[FIELD_COMPANY_ID], pasted) == (
        "De beveiligingscode moet precies 32 tekens lang zijn, niet 33. "
        "Is er een spatie aan het begin of eind meegeplakt?"
    )
    assert field_message(FIELD_LOCATION, errors[FIELD_LOCATION]) == "De locatie-ID is te groot."
    # The English text alone (as the command line has it) is found too.
    assert field_message(FIELD_LOCATION, "is too large") == "De locatie-ID is te groot."


def test_without_the_catalogue_the_same_messages_are_english(qapp: Any) -> None:
    problem = describe(_refusal())
    assert problem.headline == "The username or password is not correct"
    assert problem.code_line == f"Error code: {NO_ADMIN}"
    with pytest.raises(InputError) as caught:
        check_company_id("c" * 5)
    assert describe(caught.value).headline == (
        "Check the security code: must be exactly 32 characters, got 5."
    )
