"""A bare name and the fuller name it leads: a company and its legal form, a facility and the person it is
named after, a sea and its bare name; and the fuller names a bare one is not. Texts written for the test."""

from __future__ import annotations

from tests.core.test_entities_link_precision import by_alias, entities


def test_a_company_is_its_name_with_its_legal_form():
    ents = entities("Quillstone Ltd. reported a loss for the year on Tuesday.",
                    "Shares of Quillstone fell after the results, and Quillstone officials declined to comment.")
    e = by_alias(ents, "Quillstone Ltd.")
    assert "Quillstone" in e.aliases and e.type == "ORG" and len(e.docs) == 2


def test_a_bank_is_its_name_without_the_word_bank():
    ents = entities("Robbers raided a branch of Pellmont Bank on Monday.",
                    "Pellmont officials said on Tuesday that no one was hurt.")
    assert "Pellmont" in by_alias(ents, "Pellmont Bank").aliases


def test_at_a_persons_name_is_the_facility_named_after_her():
    ents = entities("The actress checked into the Ann Varrow Center on Friday.",
                    "She spent three weeks at Ann Varrow last year, her spokesman said.")
    center = by_alias(ents, "Ann Varrow Center")
    assert "Ann Varrow" in center.aliases and center.type == "PLACE" and len(center.docs) == 2


def test_the_person_herself_stays_a_person_beside_her_facility():
    ents = entities("The singer checked into the Ann Varrow Center on Friday.",
                    "Former first lady Ann Varrow founded the clinic in 1982, and Ann Varrow said it would grow.")
    center = by_alias(ents, "Ann Varrow Center")
    assert [m.text for m in center.mentions] == ["Ann Varrow Center"]


def test_a_sea_is_its_bare_name():
    ents = entities("The cargo ship sank in the Quillish Sea on Sunday.",
                    "Rescuers searched for the crew in the Quillish, where storms are frequent.")
    sea = by_alias(ents, "Quillish Sea")
    assert "Quillish" in sea.aliases and sea.type == "PLACE"


def test_a_body_of_an_organisation_is_not_the_organisation():
    ents = entities("The Brenlow Finance Committee met on Monday.",
                    "Brenlow said on Tuesday that Brenlow would sell the plant.")
    committee = by_alias(ents, "Brenlow Finance Committee")
    assert "Brenlow" not in committee.aliases


def test_a_town_is_not_its_church_nor_its_hospital():
    ents = entities("Hundreds attended a service at the Marsby Bible Church in Marsby, Alaska.",
                    "Doctors at the Marsby Medical Center said three people were hurt in Marsby.")
    assert "Marsby" not in by_alias(ents, "Marsby Bible Church").aliases
    assert "Marsby" not in by_alias(ents, "Marsby Medical Center").aliases


def test_an_acronym_is_its_legal_form_too():
    ents = entities("QRX Corp. said on Monday that profits rose.", "Analysts said QRX would cut jobs.")
    assert "QRX" in by_alias(ents, "QRX Corp.").aliases


def test_a_known_organisations_center_is_a_building_of_it():
    ents = entities("Protesters gathered outside the CNN Center in Atlanta.", "CNN said the report was accurate.")
    assert "CNN" not in by_alias(ents, "CNN Center").aliases
