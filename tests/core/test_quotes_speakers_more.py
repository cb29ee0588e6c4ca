"""Speakers named by layout (credit lines, transcript labels), by characterising verbs, and by subjects
that a plain "X said" reading misses (ages, parentheses, possessives, participles)."""

from __future__ import annotations

from .quotes_fakes import quotes_by_text as quotes


def test_credit_line_after_the_quotation():
    t = "“The buses are always late and nobody listens to us.” ― Maria Lopez\n“I walk to work now.” ― Tom Baker.\n"
    got = quotes(t)
    late = got["The buses are always late and nobody listens to us."]
    assert (late.speaker, late.speaker_text, late.speaker_basis) == ("Maria Lopez", "Maria Lopez", "credit line")
    walk = got["I walk to work now."]
    assert walk.speaker == "Tom Baker" and walk.speaker_text == "Tom Baker"  # the full stop is not the name's


def test_a_dash_before_lower_case_words_is_no_credit():
    t = "She called it “a plan for nobody” ― a view the mayor shares.\n"
    q = quotes(t)["a plan for nobody"]
    assert q.speaker_basis != "credit line"


def test_transcript_label_opens_the_quotation():
    t = "The interview went on.\n\n\"BAKER: We have a budget, and we will keep to it.\n\n\"KIM: Will you raise taxes?\"\n"
    got = quotes(t)
    first = next(q for k, q in got.items() if k.startswith("BAKER"))
    assert (first.speaker, first.speaker_text, first.speaker_basis) == ("Tom Baker", "BAKER", "transcript label")
    second = next(q for k, q in got.items() if k.startswith("KIM"))
    assert second.speaker == "Anna Kim"


def test_characterising_verbs_attribute_the_quoted_words():
    got = quotes("Lopez likened the new rules to “a tax on the poor” during the meeting.")
    assert got["a tax on the poor"].speaker == "Maria Lopez"
    got = quotes("In March, Baker bluntly dismissed the proposal as “a waste of public money and time.”")
    assert got["a waste of public money and time."].speaker == "Tom Baker"


def test_the_object_of_a_characterising_verb_is_not_the_speaker():
    t = "Maria Lopez, a member of the board, called Tom Baker’s budget “a disaster for the city.”"
    assert quotes(t)["a disaster for the city."].speaker == "Maria Lopez"


def test_subjects_with_an_age_a_party_or_a_possessive():
    t = "“We are not going anywhere soon,” Anna Kim, 34, said on Monday."
    assert quotes(t)["We are not going anywhere soon,"].speaker == "Anna Kim"
    t = "“The vote was rushed through in one night,” Tom Baker (D-Ohio), a council member, said."
    assert quotes(t)["The vote was rushed through in one night,"].speaker == "Tom Baker"
    t = "“That was a mistake, a real one,” Baker's longtime campaign adviser said."
    q = quotes(t)["That was a mistake, a real one,"]
    assert q.speaker_text == "Baker's longtime campaign adviser"


def test_a_participle_and_a_second_verb_share_the_subject():
    t = "Lopez posted a video on Sunday saying “the park must stay open for everyone.”"
    assert quotes(t)["the park must stay open for everyone."].speaker == "Maria Lopez"
    t = ("Kim praised the staff at the clinic on the east side of town after her visit to the new wing "
         "on Friday and said: “They work harder than anyone I know.”")
    assert quotes(t)["They work harder than anyone I know."].speaker == "Anna Kim"


def test_a_transcript_turn_in_typewriter_marks_keeps_its_label_around_an_inner_quotation():
    t = ("The interview went on.\n\n\"BAKER: My opponent calls this budget “a fantasy.” It is not.\n\n"
         "\"KIM: Will you raise taxes?\"\n")
    got = quotes(t)
    turn = next(q for k, q in got.items() if k.startswith("BAKER"))
    assert turn.speaker == "Tom Baker"
    assert got["a fantasy."].nested_in == turn.id


def test_the_subject_of_the_clause_owns_a_quotation_with_no_verb_of_saying():
    got = quotes("Lopez openly admires the old mayor as a “true public servant” in every speech.")
    q = got["true public servant"]
    assert (q.speaker, q.speaker_basis) == ("Maria Lopez", "sentence subject")
    got = quotes("In recent weeks, Baker has gone after the council as a “club for insiders” and worse.")
    assert got["club for insiders"].speaker == "Tom Baker"


def test_a_capital_opening_the_sentence_is_no_subject_to_quote():
    got = quotes("However, the plan that residents call “the bridge to nowhere” is still on the table.")
    assert got["the bridge to nowhere"].speaker is None
    got = quotes("SPRINGFIELD, Ill. — Lopez toured the plant and the “new line” opened.")
    assert got["new line"].speaker_text != "SPRINGFIELD"


def test_a_role_noun_of_business_or_congress_is_a_speaker():
    t = "Tom Baker toured the plant.\n\n\"We need jobs here,\" the Ohio businessman said on Monday.\n"
    q = quotes(t)["We need jobs here,"]
    assert q.speaker_text == "the Ohio businessman"
    t = "Anna Kim spoke first.\n\n\"The bill is dead,\" the congresswoman said.\n"
    assert quotes(t)["The bill is dead,"].speaker_text == "the congresswoman"


def test_the_subject_before_a_colon_or_after_a_long_opening_phrase():
    got = quotes("Lopez is trying out a new and more personal line: “This is about our streets.”")
    assert got["This is about our streets."].speaker == "Maria Lopez"
    got = quotes("With the budget vote only days away and the hall full of angry parents, Baker made a "
                 "simple promise: “No school will close.”")
    assert got["No school will close."].speaker == "Tom Baker"


def test_and_said_after_a_quotation_shares_the_subject_of_its_clause():
    t = "Kim urged the members to “stand together” and said she was sure of the vote."
    assert quotes(t)["stand together"].speaker == "Anna Kim"


def test_a_short_sentence_quoted_after_a_speakers_words_is_theirs():
    t = "“Who here has read the plan?” Baker asked. “Nobody has.”\n"
    q = quotes(t)["Nobody has."]
    assert (q.speaker, q.speaker_basis) == ("Tom Baker", "previous quote")
    t = "“I will,” Lopez said to the crowd. “I will, really.”\n"
    assert quotes(t)["I will, really."].speaker == "Maria Lopez"


def test_a_scare_quote_after_a_speaker_stays_without_one():
    t = "“We are ready,” Lopez said. The so-called “plan” is still secret.\n"
    assert quotes(t)["plan"].speaker is None


def test_a_credit_closing_the_line_is_for_every_quotation_of_the_line():
    t = ("“We want a school near home.” ― Maria Lopez\n"
         "“The bus takes an hour each way and costs more every year.” And then “nobody answers the phone.” ― Tom Baker\n")
    got = quotes(t)
    first = got["The bus takes an hour each way and costs more every year."]
    assert (first.speaker, first.speaker_basis) == ("Tom Baker", "credit line")
    assert got["nobody answers the phone."].speaker == "Tom Baker"
    assert got["We want a school near home."].speaker == "Maria Lopez"


def test_a_credit_needs_a_line_opened_by_a_quotation():
    t = "Baker told the meeting that the plan was “a fine start for the valley” and left. “Not yet.” ― Anna Kim\n"
    assert quotes(t)["a fine start for the valley"].speaker == "Tom Baker"
