"""packaging/policy: the Group Policy template (ADMX) and its English, Dutch and German texts
(ADML) are well-formed, complete, and write exactly the registry values the app reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from desktop.esws.managed import (
    POLICY_KEY,
    VALUE_ADMIN,
    VALUE_CLOUD,
    VALUE_ENDPOINT,
    VALUE_I3_URL,
    VALUE_NAME,
    profiles_from_policy,
)
from tests.conftest import REPO_ROOT

POLICY = REPO_ROOT / "packaging" / "policy"
ADMX = POLICY / "i3sync.admx"
LANGUAGES = ("en-US", "nl-NL", "de-DE")
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
# No DTD, no entities, no network: a template is parsed as the data it is.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def parse(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), PARSER)


def adml(language: str) -> etree._ElementTree:
    return parse(POLICY / language / "i3sync.adml")


def strings_of(tree: etree._ElementTree) -> dict[str, str]:
    return {s.get("id"): s.text or "" for s in tree.iterfind(".//p:stringTable/p:string", NS)}


def policies() -> list[etree._Element]:
    return list(parse(ADMX).iterfind(".//p:policies/p:policy", NS))


def test_every_file_is_well_formed_utf8_xml() -> None:
    for path in [ADMX, *(POLICY / lang / "i3sync.adml" for lang in LANGUAGES)]:
        tree = parse(path)
        assert tree.docinfo.encoding.lower() == "utf-8"
        assert tree.getroot().tag.startswith("{" + NS["p"] + "}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reference_of_the_admx_is_in_each_adml(language: str) -> None:
    text = ADMX.read_text(encoding="utf-8")
    wanted_strings = set(re.findall(r"\$\(string\.(\w+)\)", text))
    wanted_presentations = set(re.findall(r"\$\(presentation\.(\w+)\)", text))
    assert {"I3Sync", "ManagedProfiles", "ManagedProfile_Explain"} <= wanted_strings
    tree = adml(language)
    strings = strings_of(tree)
    assert wanted_strings <= set(strings), wanted_strings - set(strings)
    assert all(strings[key].strip() for key in wanted_strings)
    presentations = {
        p.get("id"): p for p in tree.iterfind(".//p:presentationTable/p:presentation", NS)
    }
    assert wanted_presentations <= set(presentations)
    for policy in policies():
        presentation_id = re.fullmatch(r"\$\(presentation\.(\w+)\)", policy.get("presentation"))
        assert presentation_id is not None
        shown = presentations[presentation_id[1]]
        element_ids = {e.get("id") for e in policy.find("p:elements", NS)}
        ref_ids = {c.get("refId") for c in shown}
        assert ref_ids == element_ids  # every field has a label, every label a field


def test_dutch_and_german_are_translated() -> None:
    english = strings_of(adml("en-US"))
    for language in ("nl-NL", "de-DE"):
        translated = strings_of(adml(language))
        assert set(translated) == set(english)
        for key in ("ManagedProfiles", "ManagedProfile1", "ManagedProfile_Explain"):
            assert translated[key] != english[key], (language, key)


def test_the_policies_write_what_the_app_reads() -> None:
    found = policies()
    assert len(found) >= 3
    for policy in found:
        assert policy.get("class") == "Machine"  # HKLM: the app reads the machine policy
        key = policy.get("key")
        assert key.startswith(POLICY_KEY + "\\")
        assert "\\" not in key[len(POLICY_KEY) + 1 :]  # one sub-key per profile
        elements = {e.get("valueName"): e for e in policy.find("p:elements", NS)}
        assert set(elements) == {VALUE_NAME, VALUE_ENDPOINT, VALUE_I3_URL, VALUE_ADMIN, VALUE_CLOUD}
        assert etree.QName(elements[VALUE_CLOUD]).localname == "boolean"  # a DWORD
        assert elements[VALUE_CLOUD].find("p:trueValue/p:decimal", NS).get("value") == "1"
        assert elements[VALUE_CLOUD].find("p:falseValue/p:decimal", NS).get("value") == "0"
        for required in (VALUE_NAME, VALUE_ENDPOINT):
            assert elements[required].get("required") == "true"
    keys = [p.get("key") for p in found]
    assert len(set(keys)) == len(keys)


def test_what_an_enabled_slot_writes_becomes_a_managed_profile() -> None:
    """Group Policy writes the slot's key with the elements' values; the reader takes the
    profile's name from Name, not from the slot's key name."""
    slot = policies()[0].get("key").rpartition("\\")[2]
    registry = {
        slot: {
            VALUE_NAME: "Head office",
            VALUE_ENDPOINT: "https://esws.example.test/webservicesesws",
            VALUE_I3_URL: "",  # a text box left empty
            VALUE_ADMIN: "",
            VALUE_CLOUD: 0,
        }
    }
    (profile,) = profiles_from_policy(registry).profiles
    assert (profile.name, profile.managed, profile.cloud) == ("Head office", True, False)
    assert profile.admin_username == ""
