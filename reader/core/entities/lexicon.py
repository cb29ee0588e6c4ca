"""Small closed word classes that cue or reject names. Hand-kept on purpose:
they are grammar (titles, heads, prepositions), not world knowledge, which
lives in the derived gazetteers under ``data/``."""

from __future__ import annotations

# Titles and roles written before a person's name ("President Tokayev", "Gen. Smith").
TITLES = frozenset("""
president presidents vice prime minister ministers premier chancellor king queen prince princess pope sheikh
emir sultan emperor empress general gen lieutenant lt colonel col major maj captain capt sergeant sgt corporal
cpl private pvt admiral adm commander cmdr brigadier brig marshal governor gov senator sen representative rep
congressman congresswoman mayor judge justice magistrate chief secretary ambassador envoy mr mrs ms miss dr
doctor prof professor rev reverend father sister brother bishop archbishop cardinal rabbi imam sir lord lady
dame director chairman chairwoman chairperson chair spokesman spokeswoman spokesperson commissioner inspector
detective officer deputy speaker leader sheriff attorney lawyer prosecutor coach actor actress singer rapper
star ceo cfo founder executive analyst journalist reporter correspondent editor columnist anchor host
producer writer author poet artist musician player striker goalkeeper manager agent coroner undersheriff
superintendent constable commissioner gm qb rb wr te lb cb nt dt de ol guard tackle lineman quarterback
linebacker receiver forward midfielder defender pitcher catcher shortstop
""".split())

# Words that qualify a title without being one ("Interior Minister", "Foreign Secretary").
TITLE_QUALIFIERS = frozenset("""
interior foreign defense defence finance justice health education energy economy trade labour labor home
state deputy vice prime first former acting assistant associate senior junior general attorney chief
executive managing supreme high grand crown district county city
""".split())

# A preceding lower-case word that says what follows is a person.
PERSON_ROLES = TITLES | frozenset("""
boss head aide adviser advisor official politician veteran activist blogger lawmaker minister spokesman
witness victim suspect defendant son daughter wife husband mother father brother sister friend colleague
rival opponent candidate nominee dr mr mrs ms
""".split())

# Kinship nouns: "his sister Mary X", "X's mother, Ann X" name a relative of the person the article is about.
KIN = frozenset("""
son sons daughter daughters wife husband mother father mom mum dad parents brother brothers sister sisters
sibling siblings stepson stepdaughter stepmother stepfather stepbrother stepsister grandson granddaughter
grandmother grandfather grandparents grandchildren nephew niece cousin uncle aunt widow widower fiance
fiancee fiancé fiancée girlfriend boyfriend children child
""".split())

# A noun before "of" that says the name after it is a person's ("the death of X", "the widow of X").
PERSON_OF = frozenset("""
death killing murder slaying shooting stabbing funeral burial arrest trial conviction sentencing release
assassination kidnapping abduction disappearance resignation wife husband widow widower son sons daughter
daughters mother father parents brother sister family relatives friend friends girlfriend boyfriend fiance
fiancee lawyer lawyers attorney attorneys biographer grandson granddaughter nephew niece cousin
""".split())

# A noun before "of" that says the name after it is a company's ("the acquisition of X", "shares of X").
ORG_OF = frozenset("""
acquisition acquisitions takeover purchase merger shares stake subsidiary subsidiaries shareholders
stockholders bankruptcy ceo cfo
""".split())

# A noun before "in" or "with" that says the same ("a stake in X", "shares in X", "a merger with X").
ORG_IN = frozenset("stake stakes shares investment investments merger mergers partnership".split())

ORG_ROLES = frozenset("""
broadcaster agency newspaper paper channel outlet network daily tabloid magazine website site company firm
group party organization organisation ministry department bank club team band label studio network
""".split())

# Heads of a description that sets what a company is ("X, a Seattle-based maker of chips"), beside ORG_ROLES.
COMPANY_NOUNS = frozenset("""
maker manufacturer provider operator carrier retailer chain startup developer publisher insurer lender
airline automaker carmaker conglomerate subsidiary charity nonprofit giant division affiliate supplier
distributor wholesaler brand corporation business unit university college school
""".split())

# Heads of a description that sets what a person is, beside PERSON_ROLES ("X, a 34-year-old man").
PERSON_NOUNS = frozenset("""
man woman boy girl teenager teen resident student native mom dad grandmother grandfather father-of-two
mother-of-two veteran retiree worker employee nurse teacher
""".split())

PLACE_ROLES = frozenset("""
city town village province region district county state country capital island port republic area oblast
""".split())

# Heads of a description that sets what a place is, beside PLACE_ROLES ("X, a suburb of Y").
PLACE_NOUNS = frozenset("suburb neighborhood neighbourhood community municipality resort enclave township".split())

# Last word of an organisation's name.
ORG_HEADS = frozenset("""
ministry ministries department agency agencies organization organisation organizations council committee
commission party union federation association society institute institution university college school
academy bank corporation corp corp. inc inc. ltd ltd. llc plc co co. company group service services office
bureau authority court tribunal parliament assembly senate congress board police army navy forces force
guard guards command corps foundation fund trust network news times post journal press herald tribune
gazette telegraph daily radio television tv channel studios records airlines airways motors industries
laboratories labs systems technologies club team fc church mission movement front alliance coalition brigade
brigades cabinet government administration secretariat directorate regime league telecom entertainment
pictures films media communications holdings partners motors electric pharmaceuticals foods records
magazine weekly survey networks advisors advisers associates ventures solutions consulting securities
bancorp
""".split())

# Last word of a place's name (facilities count as places).
PLACE_HEADS = frozenset("""
city town village province region oblast county district state territory island islands isle peninsula
river lake sea ocean gulf bay strait channel canal mountain mountains mount hills valley desert plain coast
beach park square street avenue road boulevard highway bridge airport station port harbour harbor hospital
clinic hotel stadium arena prison jail palace castle tower cathedral mosque temple cosmodrome base camp
center centre hall building plaza mall market
""".split())

# First words of a place's name, its head written first ("Mount Cook", "Lake Placid", "Fort Worth").
PLACE_FIRST = frozenset("mount mt lake cape fort port".split())

# Prepositions after which a name is usually a place.
PLACE_PREPS = frozenset("in at near outside inside across into throughout around toward towards via".split())

# Lower-case words before a name that say it is a place ("downtown Quenford", "rural Marsby").
PLACE_BEFORE = frozenset("""downtown uptown central northern southern eastern western northeastern northwestern
southeastern southwestern suburban rural coastal""".split())

# Nouns of a part of a place, before "of" and its name ("the coast of Varrenza", "the streets of Quenford").
PLACE_OF = frozenset("""coast coasts shore shores outskirts suburbs streets heart centre center north south east
west northeast northwest southeast southwest community communities villages towns cities suburb neighborhood
neighbourhood hamlet municipality township""".split())

# Particles inside names: "Ministry of Defense", "Ludwig van Beethoven", "Osama bin Laden".
NAME_PARTICLES = frozenset("de da del della der den van von bin ibn al el la le du dos das di y".split())

WEEKDAYS_MONTHS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())

# Capitalised tokens that are never entities on their own.
NEVER = frozenset("""
i i'm i've i'd i'll ok okay tv am pm a.m p.m utc gmt est edt pst pdt bst cet ceo cfo coo dna covid hiv aids
id usd eur gbp mph km kg gdp no nos vs etc pc pr fm http https www com mr mrs ms dr st oh yes god
jr sr da et pt ct mt
""".split())

# A following word that says what precedes is an organisation ("Lionsgate spokesman", "Microsoft shares").
ORG_AFTER = frozenset("""
spokesman spokeswoman spokesperson officials executives employees shares stock stocks shareholders
stockholders ceo cfo coo cto revenue revenues profit profits earnings subsidiary subsidiaries customers
headquarters inc corp ltd llc plc fans coach coaches basketball football baseball hockey soccer softball
volleyball squad roster defenders
""".split())

# A following word of sport: what precedes is a team, even when it is named by its city ("Quenford fans").
SPORT_AFTER = frozenset("""
coach coaches fans basketball football baseball hockey soccer softball volleyball squad roster defenders
quarterback quarterbacks linebacker linebackers lineman linemen cornerback cornerbacks tailback halfback
fullback kicker punter pitcher pitchers shortstop goalkeeper goalie defenseman defencemen defensemen
midfielder striker
""".split())

# A following word of a team's play, said of a team named by its known city ("the Quenford defense"); of a
# country it is its government's ("the US defense budget"), of anything else a person's lawyers ("the Hale
# defense"), so it proves nothing there.
PLAY_AFTER = frozenset("defense defence offense offence backfield".split())

# A verb of sport before a name that says it is a team's ("beat X", "outscored X").
TEAM_VERBS = frozenset("""
beat beats defeated defeats downed edged edges outscored outlasted routed trounced thrashed
""".split())

# A result before "over", "to" or "against" and a team's name ("a win over X", "the loss to X").
TEAM_RESULTS = frozenset("""
win wins victory victories loss losses defeat defeats lost fell falls drubbing rout game games matchup
""".split())

SPEECH_VERBS = frozenset("""
said says say told tells added adds stated states announced announces claimed claims explained noted insisted
warned wrote argued confirmed denied reported reports declared admitted alleged
""".split())

# British and American spellings meet in the linking key.
SPELLING = {"defence": "defense", "organisation": "organization", "centre": "center", "programme": "program",
            "labour": "labor", "harbour": "harbor"}

# Credits that close captions ("(AP)", "© Reuters"): never mentions.
CREDIT_OPEN = frozenset("(©")

# Plurals that continue a place's name as a place ("Florida Keys", "Golan Heights").
GEO_PLURALS = frozenset("""islands isles keys heights falls springs hills mountains lakes rapids plains states
territories highlands lowlands flats woods gardens acres meadows estates sands narrows provinces emirates alps
cliffs shores banks downs fields glades marshes valleys reefs""".split())
