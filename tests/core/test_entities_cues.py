"""Type cues from the words around a name: a cue that says what a name is outweighs any number of
mentions that say nothing, and the words of a person's life (family, age, death) say person."""

from __future__ import annotations

from pathlib import Path

from reader.core.document import Document
from reader.core.entities import build_entity_index


def types(*texts: str) -> dict[str, str]:
    docs = [Document(id=f"d{i}", path=Path(f"d{i}.txt"), text=t) for i, t in enumerate(texts)]
    return {e.name: e.type for e in build_entity_index(docs).entities}


def test_one_cue_outweighs_many_mentions_without_one():
    plain = " ".join(["Talks with Quillstone went on.", "Nobody knew what Quillstone would pay."] * 6)
    got = types(plain, "Reporters met Quillstone officials on Monday.")
    assert got.get("Quillstone") == "ORG"


def test_a_name_without_any_cue_is_still_a_person():
    assert types("Yesterday Tavrenko left early and Tavrenko did not come back.").get("Tavrenko") == "PERSON"


def test_a_family_named_after_its_name_is_a_person():
    got = types("Lawyers for the Ovrakis family asked for an inquiry. Ovrakis had gone out at night.")
    assert got.get("Ovrakis") == "PERSON"


def test_an_age_before_the_name_is_a_person():
    got = types("The death of 15-year-old Teodor Marsk shocked the town. The school of Marsk closed.",
                "Mourners remembered the 16 - year - old Ilvane Soro . Officials visited Soro 's school .")
    assert got.get("Teodor Marsk") == "PERSON"
    assert got.get("Ilvane Soro") == "PERSON"


def test_the_death_of_a_name_is_a_person():
    got = types("Protests followed the killing of Varnosz by a guard. The funeral of Varnosz was on Sunday.")
    assert got.get("Varnosz") == "PERSON"


def test_a_town_that_wins_and_loses_games_is_a_team():
    got = types("Marrowby beat Quenford 71-64 on Saturday. Quenford ( 12 - 9 ) lost for the third time.",
                "After the loss to Marrowby , Quenford fans stayed quiet and the Quenford coach said little.")
    assert got.get("Quenford") == "ORG"
    assert got.get("Marrowby") == "ORG"


def test_who_after_a_name_says_person():
    assert types("Reporters asked Halvane , who smiled .").get("Halvane") == "PERSON"
    # outweighs a place preposition: mourners gather "in" a person's name as well
    assert types("Mourners gathered in Orrin Vale . Orrin Vale , who was 81 , had led the union .").get(
        "Orrin Vale") == "PERSON"


def test_a_capital_inside_a_word_is_a_brand():
    got = types("Viewers left BrightHarbor after the outage, and BrightHarbor said little.",
                "Tessa McKinnel spoke. McKinnel said the DeShawn Ravel trust had paid.")
    assert got.get("BrightHarbor") == "ORG"
    assert got.get("Tessa McKinnel") == "PERSON"


def test_a_name_and_a_country_is_a_company_national_arm():
    got = types("Users of Zentel Egypt lost service; Zentel Egypt blamed a cut cable near North Korea.")
    assert got.get("Zentel Egypt") == "ORG"
    assert got.get("North Korea") == "PLACE"


def test_a_geographic_plural_ends_a_place_name():
    assert types("Later she moved to Niagara Falls .")["Niagara Falls"] == "PLACE"  # not a team of Niagara
    assert types("Tourists love Kelby Falls in spring .")["Kelby Falls"] == "PLACE"
    # a person's surname that is such a plural stays a person's
    assert types("Tyra Banks said she was happy .")["Tyra Banks"] == "PERSON"


def test_a_surname_leans_to_person_only_as_far_as_no_cue_does():
    # a college named after its founder, named many times and twice with a cue of a team
    plain = " ".join(["Pemberton led by nine at the half.", "Nobody expected Pemberton to fold."] * 8)
    got = types(plain, "Pemberton fans filled the arena. Later Pemberton beat the visitors again.")
    assert got.get("Pemberton") == "ORG"
    # a surname that nothing else types is still a person's
    assert types("Whitfield arrived late. Later Whitfield left again.").get("Whitfield") == "PERSON"


def test_a_description_after_a_name_says_what_it_is_by_its_head():
    got = types("Talks with Quorvane went on. Quorvane, a Seattle-based maker of pumps, said little.",
                "Velmora, a suburb of the capital, was quiet. Nobody saw Velmora again.",
                "Doran Skell, a company spokesman, declined. Skell left.",
                "The Tamsin Otters, the team Skell coached, lost. Tamsin Otters fans left.")
    assert got.get("Quorvane") == "ORG"
    assert got.get("Velmora") == "PLACE"
    assert got.get("Doran Skell") == "PERSON"  # the head is the last noun: a spokesman, not a company
    assert got.get("Tamsin Otters") == "ORG"


def test_what_only_a_company_has_says_organisation():
    got = types("Investors sold Brenlow. Later Brenlow's shares fell, and Brenlow 's chief executive quit. "
                "Brenlow was quiet. Brenlow left.",
                "Everyone waited for Carvish CEO Ana Lind. Carvish did not comment. Carvish stayed.")
    assert got.get("Brenlow") == "ORG"
    assert got.get("Carvish") == "ORG"


def test_a_part_of_a_place_or_a_word_of_where_before_a_name_says_place():
    got = types("A ship sank off the coast of Varrenza. Varrenza had seen storms. Rescuers reached Varrenza.",
                "Crowds filled the streets of Olbrecht. Later Olbrecht was quiet. Olbrecht slept.",
                "Shops in downtown Marsby closed. Marsby said nothing. Marsby waited.")
    assert got.get("Varrenza") == "PLACE"
    assert got.get("Olbrecht") == "PLACE"
    assert got.get("Marsby") == "PLACE"


def test_a_web_address_or_a_publishers_head_says_organisation():
    got = types("Readers of Quillfeed . com and Bramble.com knew first. Quillfeed said nothing.",
                "Marrow Weekly and Tesk Advisors reported it. Later Tesk Advisors left.")
    names = ("Quillfeed", "Bramble.com", "Marrow Weekly", "Tesk Advisors")
    assert {n: got.get(n) for n in names} == dict.fromkeys(names, "ORG")


def test_people_from_a_name_or_a_community_of_it_say_place():
    got = types("Police said a 63-year-old woman from Dellisford died. Dellisford mourned. Dellisford wept.",
                "Fire hit the small community of Orrinvale. Orrinvale slept. Orrinvale woke.")
    assert got.get("Dellisford") == "PLACE"
    assert got.get("Orrinvale") == "PLACE"


def test_a_deal_for_a_name_says_company():
    got = types("Analysts welcomed the acquisition of Pellworth. Pellworth grew. Pellworth hired.",
                "Funds bought a stake in Arvanti and talked of a merger with Dunmere. Arvanti waited. "
                "Dunmere waited.")
    names = ("Pellworth", "Arvanti", "Dunmere")
    assert {n: got.get(n) for n in names} == dict.fromkeys(names, "ORG")


def test_names_listed_together_are_of_one_kind():
    got = types("The storm hit Trondheim, Tonvar, Gesk, Marrin and Stavanger. Marrin was cut off. Gesk said "
                "nothing.",
                "Hale, Ortmann and Pevsner laughed. Ortmann left.")
    names = ("Tonvar", "Gesk", "Marrin")
    assert {n: got.get(n) for n in names} == dict.fromkeys(names, "PLACE")
    assert got.get("Ortmann") == "PERSON"  # nothing in its list types it
