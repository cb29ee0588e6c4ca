"""Word lists for attribution and matching (English news)."""

from __future__ import annotations


def _verb_forms(bases: str, finite: bool) -> set[str]:
    """-ed and -ing forms of each verb; the bare and -s forms too when ``finite``
    (left out for verbs whose bare forms are mostly nouns: "reports", "claims", "state")."""
    out: set[str] = set()
    for b in bases.split():
        if finite:
            out.add(b)
            out.add(b + "es" if b.endswith(("s", "sh", "ch", "x")) else (b[:-1] + "ies" if b.endswith("y") and b[-2] not in "aeiou" else b + "s"))
        if b.endswith("e"):
            out |= {b + "d", b[:-1] + "ing"}
        elif b.endswith("y") and b[-2] not in "aeiou":
            out |= {b[:-1] + "ied", b + "ing"}
        elif b in ("admit", "commit", "regret", "signal"):
            out |= {b + b[-1] + "ed", b + b[-1] + "ing", b + "ed"}
        else:
            out |= {b + "ed", b + "ing"}
    return out


# Verbs that introduce or characterise what someone said. Lower case, all forms.
SPEECH_VERBS = frozenset(
    _verb_forms("add admit allege announce argue assert concede confirm declare deny explain insist "
                "urge vow warn tweet stress reiterate", True)
    | _verb_forms(
        "advise affirm agree answer ask assure boast caution claim clarify comment complain conclude "
        "contend continue demand describe dismiss emphasise emphasize express indicate instruct joke label "
        "lament maintain mention note observe order plead pledge point post predict proclaim promise recall "
        "recount remark repeat reply report respond reveal scoff shout signal state suggest testify threaten "
        "underline whisper brand term", False)
    | {"said", "says", "say", "saying", "told", "tell", "tells", "telling", "wrote", "write", "writes", "writing",
       "written", "spoke", "speaking", "called", "calling", "cried", "referred", "referring"}
    # verbs that characterise what someone said or wrote: "likened the rules to ...", "rated it "false""
    | _verb_forms("liken accuse cite laud criticize criticise acknowledge decry denounce deride applaud dub "
                  "characterize characterise portray lambast lambaste castigate rebuke tout sing ask compare "
                  "condemn chide scold berate", True)
    | _verb_forms("blast hail praise slam chant blame mock quip rate rule welcome question challenge ridicule "
                  "taunt bemoan", False)
    | {"reports", "sang", "sung"}
)

# Characterising verbs ("dismissed X as 'nonsense'") attribute only the quote they govern.
ATTRIBUTION_PHRASES = (("according", "to"), ("made", "reference", "to"), ("spoke", "of"), ("referred", "to"),
                       ("in", "the", "words", "of"), ("quoted",), ("quoting",), ("went", "on", "about"),
                       ("goes", "on", "about"), ("go", "on", "about"))

PERSON_ROLES = frozenset(
    """
    president vice-president premier chancellor minister secretary spokesman spokeswoman spokesperson
    official officer chief head leader commander general governor mayor senator ambassador envoy diplomat
    director chairman chairwoman chair ceo founder owner manager coach captain player actor actress singer
    star judge prosecutor lawyer attorney investigator inspector detective sheriff king queen prince princess
    emperor pope bishop cardinal priest imam rabbi journalist reporter correspondent editor analyst expert
    professor scientist researcher doctor physician surgeon nurse witness victim survivor resident neighbour
    neighbor father mother son daughter husband wife brother sister friend boss representative lawmaker
    legislator politician candidate activist protester demonstrator opposition leader dictator monarch
    prime-minister narrator strategist adviser advisor aide consultant pollster economist historian author
    writer columnist commentator host anchor moderator organizer organiser supporter voter student worker
    employee staffer volunteer veteran member delegate donor critic opponent rival ally colleague partner
    niece nephew uncle aunt cousin grandmother grandfather teacher pastor campaigner surrogate nominee
    businessman businesswoman congressman congresswoman councilman councilwoman billionaire entrepreneur
    executive commissioner superintendent negotiator
    """.split()
)
ORG_ROLES = frozenset(
    """
    ministry government agency administration department office authority authorities police army military
    court tribunal committee commission council parliament assembly congress senate party company firm group
    organisation organization union service services bank institute foundation team club network channel
    broadcaster newspaper station embassy regime cabinet coalition alliance bloc federation association
    board mission force forces kremlin
    report statement study document complaint letter memo poll survey ad advertisement article editorial
    website filing lawsuit release analysis indictment ruling
    """.split()
)
# Writings that speak for their authors: "the complaint says", "a report released last year found".
DOCUMENTS = frozenset(
    """
    report statement study document complaint letter memo memorandum poll survey ad advertisement article
    editorial website filing lawsuit release analysis indictment ruling audit assessment affidavit petition
    transcript email e-mail manifesto
    """.split()
)
ROLES = PERSON_ROLES | ORG_ROLES | DOCUMENTS

PRONOUNS = {"he": "PERSON", "she": "PERSON", "they": "ORG", "it": "ORG", "who": "ANTECEDENT"}
DEFINITE = frozenset("the this that these those its his her their".split())
INDEFINITE = frozenset("a an some one two three several many other another any".split())

# Words that may stand between a subject and its verb ("Tokayev on Friday declared",
# "the president had earlier confirmed").
BETWEEN = frozenset(
    """
    also later earlier then again reportedly repeatedly previously further still once twice recently just
    already only even not never has had have having was were is are be been being would will could should may
    might must did does do later-on as on in at this last next week weekend month year morning afternoon
    evening night today tonight yesterday day overnight late early separately publicly privately
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves said says say told also one would could us mr mrs ms n't 's 're 've 'll 'd 'm
    """.split()
)
