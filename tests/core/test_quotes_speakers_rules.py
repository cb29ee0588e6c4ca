"""Speakers named by cues other than a plain verb of saying: nouns of speech, passives, "as X put it".
Every sentence here is written for the test."""

from __future__ import annotations

from .quotes_fakes import quotes_by_text as quotes


def test_a_tweet_after_a_possessive_is_a_noun_not_the_verb_of_the_sentence():
    t = "Lopez said Baker’s tweet to the mayor about the bridge was only “a joke among old friends.”"
    assert quotes(t)["a joke among old friends."].speaker == "Maria Lopez"
    t = "Kim says Tom Baker’s string of late-night tweets about the budget was “beneath the office.”"
    assert quotes(t)["beneath the office."].speaker == "Anna Kim"


def test_a_tweet_as_a_verb_still_attributes():
    t = "Baker tweets that the new bridge is “a gift to the whole valley.”"
    assert quotes(t)["a gift to the whole valley."].speaker == "Tom Baker"


def test_a_possessive_claim_names_its_owner():
    t = "The paper checked Maria Lopez’s claim that the town has “hundreds of empty shops.”"
    q = quotes(t)["hundreds of empty shops."]
    assert q.speaker == "Maria Lopez"
    t = "Reporters looked at Baker’s statement: “We never sold the land.”"
    assert quotes(t)["We never sold the land."].speaker == "Tom Baker"


def test_a_verb_that_reports_the_claim_keeps_the_quotation():
    t = "The City Council then ruled that Baker’s remarks about “broken promises” were “unfair,” in a short note."
    got = quotes(t)
    assert got["broken promises"].speaker == "City Council"


def test_as_x_put_it():
    t = "The rule is a matter of “common decency,” as Maria Lopez put it."
    assert quotes(t)["common decency,"].speaker == "Maria Lopez"
    t = "He has been seen, as Baker put it in a long letter, as “the man with a plan for everything.”"
    assert quotes(t)["the man with a plan for everything."].speaker == "Tom Baker"


def test_the_agent_of_a_passive_of_saying():
    t = "Kim sang it twice.\n\n“Rivers of the North Country” was written by Baker after the great flood of the valley."
    assert quotes(t)["Rivers of the North Country"].speaker == "Tom Baker"


def test_according_to_a_writing_with_a_modifier_after_it():
    t = "According to a 12-count complaint filed by the state, the firm ran “a long and careful fraud” for years."
    q = quotes(t)["a long and careful fraud"]
    assert q.speaker_text == "a 12-count complaint" and q.speaker is None


def test_a_writing_as_the_subject_of_found_or_states():
    t = "A council audit released last spring found that the works were “badly planned from the start.”"
    assert quotes(t)["badly planned from the start."].speaker_text == "A council audit"
    t = "A memo on the City Council’s website states that the grant is paid only “once the works are done.”"
    assert quotes(t)["once the works are done."].speaker_text == "A memo on the City Council’s website"


def test_a_writing_that_is_an_object_is_no_subject():
    t = "Baker read through the filings of the firm and found that it “kept two sets of books.”"
    assert quotes(t)["kept two sets of books."].speaker_text != "the filings"


def test_who_issued_a_statement_said_it():
    t = "After the vote, the City Council issued a statement calling the plan “a fair deal for every district.”"
    assert quotes(t)["a fair deal for every district."].speaker == "City Council"


def test_the_letter_is_not_the_organisation_it_was_sent_to():
    t = ("Parents sent a letter to the City Council on Monday.\n"
         "“We ask for one more year before any school closes,” the letter reads.")
    q = quotes(t)["We ask for one more year before any school closes,"]
    assert q.speaker_text == "the letter" and q.speaker is None


def test_a_quoted_nickname_is_a_word_of_the_name():
    spec = [("Robert Hale", "PERSON", ["Robert Hale", "Hale"])]
    t = "“We start on Monday and we finish by June,” said Robert “Bobby” Hale, the builder."
    q = quotes(t, spec)["We start on Monday and we finish by June,"]
    assert (q.speaker, q.speaker_text) == ("Robert Hale", "Robert “Bobby” Hale")
    t = "Robert “Bobby” Hale, the builder, said the works were “ahead of plan.”"
    assert quotes(t, spec)["ahead of plan."].speaker == "Robert Hale"


def test_went_on_about_introduces_the_speakers_words():
    t = ("“Are we there?” she said, but the driver slept on, and as Baker went on about “roads that go nowhere” "
         "and “bridges nobody asked for,” Kim nodded.")
    got = quotes(t)
    assert got["roads that go nowhere"].speaker == "Tom Baker"
    assert got["bridges nobody asked for,"].speaker == "Tom Baker"
    t = "At the hall, Lopez talked about “a city that works for the people who live in it.”"
    assert quotes(t)["a city that works for the people who live in it."].speaker == "Maria Lopez"


def test_coordinated_quotations_share_their_speaker():
    t = "In recent weeks, Lopez has gone after Baker as a “danger to the whole valley” and a “spoiled child.”"
    got = quotes(t)
    assert got["danger to the whole valley"].speaker == "Maria Lopez"
    assert got["spoiled child."].speaker == "Maria Lopez"


def test_quotations_in_other_sentences_are_not_coordinated():
    t = "Lopez has gone after Baker as a “danger to the whole valley.”\nAnd a “spoiled child” is what Kim called him."
    assert quotes(t)["spoiled child"].speaker == "Anna Kim"


def test_a_participle_after_a_place_between_commas_is_the_clause_subjects():
    t = "Anna Kim spoke on Monday about the flood in Riverton, Ohio, arguing that the levees were “never finished.”"
    assert quotes(t)["never finished."].speaker == "Anna Kim"
    t = "“We are ready,” Lopez said, adding that the plan was “a good one for all of us.”"
    assert quotes(t)["a good one for all of us."].speaker == "Maria Lopez"


def test_a_quoted_term_inside_the_clause_does_not_hide_its_subject():
    t = ("Lopez, the former mayor, stood by her plan to rebuild the old stone bridge over the river during a "
         "“Town Hall Night” run by the City Council and said the city needs one thing: “Patience, and a great deal of it.”")
    assert quotes(t)["Patience, and a great deal of it."].speaker == "Maria Lopez"


def test_a_clause_after_the_quoted_term_has_its_own_subject():
    t = "Lopez called the plan a “disgrace” after Baker wrote the letter and blamed the delay on “old habits.”"
    assert quotes(t)["old habits."].speaker != "Maria Lopez"


def test_a_participle_between_the_subject_and_its_verb():
    t = "Neighbours marching past the hall chanted “Save our school!” until late."
    assert quotes(t)["Save our school!"].speaker_text == "Neighbours"
    t = "At noon, Maria Lopez standing by the door shouted “Not one more day!” at the crowd."
    assert quotes(t)["Not one more day!"].speaker == "Maria Lopez"


def test_a_quotation_after_a_sentence_about_its_subject():
    t = ("On “Valley Morning,” Tom Baker (Ind.), who ran for mayor twice, named the bridge as the reason to vote. "
         "“People here are tired of waiting for a road that never comes.”")
    q = quotes(t)["People here are tired of waiting for a road that never comes."]
    assert (q.speaker, q.speaker_basis) == ("Tom Baker", "previous sentence")


def test_no_subject_is_taken_from_another_paragraph():
    t = "Tom Baker named the bridge as the reason to vote.\n\n“People here are tired of waiting for a road.”"
    assert quotes(t)["People here are tired of waiting for a road."].speaker is None


def test_one_sentence_about_the_speaker_between_two_of_her_quotations():
    t = ("“We have had trouble with the bridge before,” Lopez said after meeting Tom Baker. She did not blame anyone. "
         "“Our goal is to fix it by May and open it again.”")
    q = quotes(t)["Our goal is to fix it by May and open it again."]
    assert (q.speaker, q.speaker_basis) == ("Maria Lopez", "previous quote")


def test_a_sentence_about_someone_else_ends_the_speakers_turn():
    t = ("“We have had trouble with the bridge before,” Lopez said after meeting Tom Baker. He did not blame anyone. "
         "“Our goal is to fix it by May and open it again.”")
    assert quotes(t)["Our goal is to fix it by May and open it again."].speaker != "Maria Lopez"


def test_a_participle_opening_the_sentence_is_its_subjects():
    t = "Kim left early. After saying the road was “far too slow for anyone,” Lopez went home."
    assert quotes(t)["far too slow for anyone,"].speaker == "Maria Lopez"
    t = "Lamenting the delay, the neighbours often say, “A bridge in May is a bridge in June.”"
    assert quotes(t)["A bridge in May is a bridge in June."].speaker_text == "the neighbours"


def test_cues_that_say_nothing():
    got = quotes("Mobsters Robert “Bobby” Hale and Tom “Ducks” Baker also died there, the paper said.")
    assert got["Bobby"].speaker_text is None and got["Ducks"].speaker_text is None  # nicknames say nothing
    t = "Jane Roe, senior vice president for advocacy and policy, said, “The rules come back.”"
    assert quotes(t)["The rules come back."].speaker_text != "policy"
    t = "According to his police record, he uses the alias “Crazy Q” at night."
    assert quotes(t)["Crazy Q"].speaker_text != "his police"
    t = "Asking for privacy, Lopez did not reveal what the star of “Old Roads” had been treated for."
    assert quotes(t)["Old Roads"].speaker is None
    t = "Indeed, Baker can be a hero (Max in the “Old Town” films), a singing barker (in the musical “River Song”)."
    assert quotes(t)["River Song"].speaker_text != "Indeed"


def test_a_title_after_its_owner_is_no_nickname():
    from reader.core.quotes.extract import find_quotations, is_nickname

    t = "Kim is the anchor of the City Council’s “Evening Hour.” For Baker, the format was new."
    (q,) = find_quotations(t)
    assert not is_nickname(t, q)
