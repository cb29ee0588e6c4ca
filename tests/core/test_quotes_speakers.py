"""Who said it: attribution patterns, role nouns, pronouns, and null rather than a guess."""

from __future__ import annotations

from reader.core.quotes import build_quote_index

from .quotes_fakes import FakeEntities, doc

PEOPLE = [
    ("Kassym-Jomart Tokayev", "PERSON", ["Kassym-Jomart Tokayev", "Tokayev"]),
    ("Bruce Pannier", "PERSON", ["Bruce Pannier", "Pannier"]),
    ("Ned Price", "PERSON", ["Ned Price", "Price"]),
    ("Interior Ministry", "ORG", ["Interior Ministry"]),
    ("AFP", "ORG", ["AFP"]),
    ("Kazakhstan", "PLACE", ["Kazakhstan"]),
]


def quotes(text: str, spec=PEOPLE):
    d = doc(text)
    qi = build_quote_index([d], FakeEntities([d], spec))
    return {q.display_text(): q for q in qi.quotes}


def speaker(text: str, quote: str, spec=PEOPLE) -> str | None:
    return quotes(text, spec)[quote].speaker


def test_name_said_after_the_quote():
    assert speaker("“We will restore order,” Tokayev said on Friday.", "We will restore order,") == "Kassym-Jomart Tokayev"


def test_said_name_inverted():
    assert speaker("\"It is over,\" said Bruce Pannier, a journalist.", "It is over,") == "Bruce Pannier"


def test_title_and_role_words_before_the_name():
    t = "“The world will be watching,” US state department spokesman Ned Price told media on Thursday."
    q = quotes(t)["The world will be watching,"]
    assert q.speaker == "Ned Price" and q.speaker_entity == "ned-price"
    assert q.speaker_text == "Ned Price" and q.speaker_basis == "same sentence"
    assert t[q.speaker_span[0]:q.speaker_span[1]] == q.speaker_text


def test_speaker_before_with_that_clause_and_scare_quote():
    t = "Kazakhstan President Kassym-Jomart Tokayev on Friday declared that order was “mainly restored” after the unrest."
    q = quotes(t)["mainly restored"]
    assert q.short and q.speaker == "Kassym-Jomart Tokayev"


def test_according_to():
    t = "Order was \"mainly restored\" on Friday, according to president Kassym-Jomart Tokayev."
    assert speaker(t, "mainly restored") == "Kassym-Jomart Tokayev"


def test_told_with_possessive_organisation():
    t = "In a statement, Kazakhstan’s Interior Ministry told AFP that “26 armed criminals were killed.”"
    assert speaker(t, "26 armed criminals were killed.") == "Interior Ministry"


def test_role_noun_resolves_to_the_most_recent_entity_with_that_role():
    t = ("Kazakhstan President Kassym-Jomart Tokayev spoke on Friday. Journalist Bruce Pannier disagreed.\n\n"
         "The president made reference to “20,000 bandits” who had attacked the city.")
    assert speaker(t, "20,000 bandits") == "Kassym-Jomart Tokayev"


def test_role_noun_without_an_entity_of_that_role_is_null_but_kept_as_words():
    t = "Bruce Pannier was there.\n\n“Nobody wants this,” the minister said."
    q = quotes(t)["Nobody wants this,"]
    assert q.speaker is None and q.speaker_entity is None
    assert q.speaker_text == "the minister"


def test_pronoun_resolves_to_the_nearest_preceding_person():
    t = ("Tokayev spoke first. Later, Ned Price held a briefing.\n\n"
         "In a separate statement, he said that the US gave its “full support for the institutions.”")
    q = quotes(t)["full support for the institutions."]
    assert q.speaker == "Ned Price" and q.speaker_text == "he"


def test_pronoun_prefers_the_previous_speaker_over_names_inside_quotes():
    t = ("“Pannier is wrong,” Tokayev said.\n\n"
         "\"Regretfully, the protests led to violence,\" he added.")
    assert speaker(t, "Regretfully, the protests led to violence,") == "Kassym-Jomart Tokayev"


def test_relative_who_and_coordinated_verbs():
    t = ("The use of force was authorized by Tokayev, who announced an operation and dismissed "
         "negotiating with \"bandits and terrorists\" as \"nonsense\".")
    got = quotes(t)
    assert got["bandits and terrorists"].speaker == "Kassym-Jomart Tokayev"
    assert got["nonsense"].speaker == "Kassym-Jomart Tokayev"


def test_participle_takes_the_subject_of_its_clause():
    t = ("\"They were well trained,\" the president alleged, claiming that some were \"speaking foreign languages.\"")
    spec = PEOPLE + [("President Smith", "PERSON", ["President Smith"])]
    t = "President Smith arrived.\n\n" + t
    assert speaker(t, "speaking foreign languages.", spec) == "President Smith"


def test_cited_as_saying():
    t = "Interfax cited Kazakhstan’s Interior Ministry as saying troops were flying in “round the clock”."
    assert speaker(t, "round the clock") == "Interior Ministry"


def test_indefinite_speaker_is_null():
    t = "\"The facade has changed,\" said a Western diplomat, who requested anonymity."
    q = quotes(t)["The facade has changed,"]
    assert q.speaker is None and q.speaker_text == "a Western diplomat"


def test_unknown_name_is_kept_as_words_but_not_resolved():
    t = "\"We stay,\" Maria Santos said."
    q = quotes(t)["We stay,"]
    assert q.speaker is None and q.speaker_text == "Maria Santos"


def test_no_attribution_means_null():
    q = quotes("Security forces back ‘in control’\nThe city was quiet on Friday.")["in control"]
    assert q.speaker is None and q.speaker_text is None and q.speaker_basis is None


def test_scare_quote_never_borrows_a_speaker_from_a_neighbouring_sentence():
    t = "Tokayev said the threat level was raised. The ‘blue’ level will remain until January 19."
    assert speaker(t, "blue") is None


def test_quote_paragraph_continues_the_previous_speaker():
    t = ("“They’re probably low after last night,” Pannier said.\n\n"
         "“So they’re expanding their security operation, and those are just the ones that we know.”\n")
    q = quotes(t)["So they’re expanding their security operation, and those are just the ones that we know."]
    assert q.speaker == "Bruce Pannier" and q.speaker_basis == "previous quote"


def test_previous_sentence_of_the_same_paragraph():
    t = ("The use of lethal force was authorized by Tokayev, who announced an operation. "
         "Law enforcement may now \"shoot to kill without warning.\"")
    q = quotes(t)["shoot to kill without warning."]
    assert q.speaker == "Kassym-Jomart Tokayev" and q.speaker_basis == "previous sentence"


def test_colon_introduces_the_next_line():
    t = "Journalist Bruce Pannier , a reporter , said:\n`` I remember the elections .\nNow it 's quieter . ''\n"
    assert speaker(t, "I remember the elections . Now it 's quieter .") == "Bruce Pannier"


def test_next_sentence_names_the_speaker():
    t = "Tokayev arrived. “We will win this war.” Pannier said. Then it rained."
    q = quotes(t)["We will win this war."]
    assert q.speaker == "Bruce Pannier" and q.speaker_basis == "next sentence"


def test_nested_quotes_have_no_speaker_of_their_own():
    t = "“There was what they’re calling ‘anti-terrorist operations’ going on,” Pannier said."
    got = quotes(t)
    assert got["anti-terrorist operations"].speaker is None
    assert got["anti-terrorist operations"].nested_in == got[
        "There was what they’re calling ‘anti-terrorist operations’ going on,"].id


def test_without_an_entity_index_speakers_are_null_but_words_kept():
    d = doc("“We will restore order,” Tokayev said.")
    q = build_quote_index([d], None).quotes[0]
    assert q.speaker is None and q.speaker_entity is None and q.speaker_text == "Tokayev"


def test_it_resolves_to_a_nearby_organisation_only():
    t = ("The Interior Ministry launched an investigation on January 6, it said in a statement, "
         "adding that \"the suspects were detained.\"")
    assert speaker(t, "the suspects were detained.") == "Interior Ministry"


def test_appositive_description_is_skipped_for_the_name_before_it():
    t = ("Bruce Pannier , director of the Interior Ministry 's press service , says his office will sue:\n"
         "`` This administration has rejected anything with a whiff of science . ''\n")
    q = quotes(t)["This administration has rejected anything with a whiff of science ."]
    assert q.speaker == "Bruce Pannier" and q.speaker_basis == "previous sentence"


def test_title_with_a_full_stop_resolves_by_surname():
    spec = PEOPLE + [("Ann Fanning", "PERSON", ["Ann Fanning"])]
    t = "`` The shock was tremendous but everyone got out safely , '' Const. Fanning said ."
    q = quotes(t, spec)["The shock was tremendous but everyone got out safely ,"]
    assert q.speaker_text == "Const. Fanning"


def test_she_skips_a_man_named_with_a_title():
    spec = PEOPLE + [("Ann Fairman", "PERSON", ["Ann Fairman"]), ("Jerry Tibbs", "PERSON", ["Jerry Tibbs"])]
    t = ("Ann Fairman met the photographer Mr. Jerry Tibbs in 1950.\n\n"
         "\"I never thought it was shameful at all,\" she said.")
    assert speaker(t, "I never thought it was shameful at all,", spec) == "Ann Fairman"


def test_inverted_said_before_a_colon():
    spec = PEOPLE + [("Yeager", "PERSON", ["Yeager"])]
    t = "One big difference between Page and most neighbors , said Yeager:\n`` She felt more comfortable in the nude . ''\n"
    assert speaker(t, "She felt more comfortable in the nude .", spec) == "Yeager"


def test_participle_after_a_clause_without_a_speech_verb():
    t = ("Kazakhstan President Kassym-Jomart Tokayev condemned the violence , saying the country had "
         "\"reached the edge of the abyss\" .")
    assert speaker(t, "reached the edge of the abyss") == "Kassym-Jomart Tokayev"


def test_parenthesis_between_name_and_verb():
    t = "Ned Price ( State Department ) said the rules were `` determined to wreak havoc on the nation . ''"
    assert speaker(t, "determined to wreak havoc on the nation .") == "Ned Price"


def test_previous_line_ending_with_said():
    t = "Troops opened fire on Friday , the Interior Ministry said .\n`` Order is restored in all regions now . ''\n"
    q = quotes(t)["Order is restored in all regions now ."]
    assert q.speaker == "Interior Ministry" and q.speaker_basis == "previous sentence"
