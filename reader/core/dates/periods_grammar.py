"""The grammar of the longer stretches of time that financial and feature writing use.

Fiscal quarters ("the third quarter", "third-quarter", "the year-earlier
quarter"), a span counted back from the time under discussion ("a year
earlier"), bare and spelled-out years ("fiscal 1989", "nineteen ninety-six"),
seasons, holidays, decades, and the words for the present, the past and the
future that carry no date of their own ("now", "recently", "soon").

Each entry is a named branch of ``TIME_RE`` (``expressions.py`` joins them
after its own); group names are unique across the whole grammar.
"""

from __future__ import annotations

_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_YEAR = r"(?:1[89]\d\d|20\d\d)\b(?![,.:]?\d)"
_ORD = r"(?i:first|second|third|fourth)"
_FISCAL = r"(?:(?i:fiscal)[ \t-]+)?"

# Spelled-out numbers a year is said in ("nineteen ninety-six", "two thousand and one").
_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_W = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
SPELLED_YEAR = (
    rf"(?i:(?:eighteen|nineteen)[ \t-](?:hundred|oh[ \t-](?:{_UNITS_W})|{_TEENS_W}|(?:{_TENS_W})(?:[ \t-](?:{_UNITS_W}))?)"
    rf"|two[ \t]thousand(?:[ \t](?:and[ \t])?(?:{_TEENS_W}|(?:{_TENS_W})(?:[ \t-](?:{_UNITS_W}))?|{_UNITS_W}))?)\b"
)

SEASONS = ("spring", "summer", "fall", "autumn", "winter")
# A capitalised season before another capitalised word is a name ("Spring Street", "Fall River").
_SEASON = (r"(?:spring|summer|fall|autumn|winter|(?:Spring|Summer|Fall|Autumn|Winter|SPRING|SUMMER|FALL|AUTUMN|WINTER)"
           r"(?![ \t]+[A-Z]))")
DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")

# The ordinal of a century: 19th, 21st, nineteenth, twenty-first.
_ORD_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
              "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
CENTURY_ORDINALS = {w: i for i, w in enumerate(_ORD_WORDS, 1)}
_CENTURY_ORD = (r"(?:[12]?\d(?:st|nd|rd|th)|(?i:twenty[ \t-](?:first|second)|"
                + "|".join(sorted(_ORD_WORDS, key=len, reverse=True)) + r"))")

# name -> (month, day) for fixed days; movable ones are computed in periods_resolve.
HOLIDAY_NAMES = (
    r"Christmas(?:[ \t]+(?:Day|Eve))?|New[ \t]+Year['’]s(?:[ \t]+(?:Day|Eve))?|Thanksgiving(?:[ \t]+Day)?"
    r"|Easter(?:[ \t]+(?:Sunday|Monday))?|Good[ \t]+Friday|Halloween|Independence[ \t]+Day"
    r"|Labou?r[ \t]+Day|Memorial[ \t]+Day|Veterans['’]?[ \t]+Day|Valentine['’]s[ \t]+Day"
    r"|Mother['’]s[ \t]+Day|Father['’]s[ \t]+Day|Martin[ \t]+Luther[ \t]+King(?:[ \t]+Jr\.?)?[ \t]+Day"
    r"|Presidents['’]?[ \t]+Day|Columbus[ \t]+Day|Boxing[ \t]+Day"
    r"|(?:St\.?|Saint)[ \t]+Patrick['’]s[ \t]+Day|Fourth[ \t]+of[ \t]+July|Earth[ \t]+Day|Groundhog[ \t]+Day"
    r"|Armistice[ \t]+Day|Remembrance[ \t]+Day|Bastille[ \t]+Day|Canada[ \t]+Day|Australia[ \t]+Day|Flag[ \t]+Day"
    r"|Juneteenth|All[ \t]+Saints['’]?[ \t]+Day|Black[ \t]+Friday|Cyber[ \t]+Monday|Ash[ \t]+Wednesday"
    r"|Palm[ \t]+Sunday|Maundy[ \t]+Thursday|Shrove[ \t]+Tuesday|Mardi[ \t]+Gras|Pentecost|Whit[ \t]+(?:Sunday|Monday)"
)

# A count of units ("five years", "a decade", "18 months"), for spans ahead of the article date.
_COUNT = r"\d{1,3}|(?i:a[ \t]+couple[ \t]+of|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_COUNT_UNIT = r"(?i:day|week|month|year|decade)"

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# What a quarter is reported for ("Q3 results"): a bare "Q3" before one of these is that quarter.
_RESULTS = (r"(?i:results|earnings|profits?|sales|revenues?|loss(?:es)?|growth|output|GDP|figures|numbers"
            r"|deliveries|shipments)\b")

# Words that pick a quarter or a reporting period out of the article's story.
_PERIOD_MOD = (
    r"(?i:latest|current|previous|prior|comparable|corresponding|year-earlier|year-ago|year[ \t]+earlier"
    r"|most[ \t]+recent|recent|just-ended|just[ \t]+ended|preceding)"
)

BRANCHES = [
    # the third quarter / third-quarter / the fiscal first quarter / the third quarter of 1990 /
    # the 1988 third quarter / this year's third quarter / the year-earlier third quarter
    ("qtr", r"(?:(?P<q_det>(?i:the|this|last|next|its|their|that))" + _SP + r")?"
            r"(?:(?P<q_rel>(?i:this|last|next))" + _SP + r"(?i:year)['’]s" + _SP + r")?"
            r"(?:(?:(?i:fiscal)[ \t]+)?(?P<q_yr>" + _YEAR[:-len(r"\b(?![,.:]?\d)")] + r")(?:['’]s)?" + _SP + r")?"
            r"(?:(?P<q_mod>" + _PERIOD_MOD + r")" + _SP + r")?" + _FISCAL
            # ... or the month it ends, after a determiner or a possessive: "the September quarter", "its
            # December-quarter results", "Apple's June quarter"
            # ... or by its months, "the January-March quarter", "the April-June quarter"
            + r"(?:(?P<q_ord>" + _ORD + r")[ \t-]+" + _FISCAL + r"|(?(q_det)|(?<=['’]s[ \t]))"
            r"(?:(?P<q_mon0>" + _MONTHS + r")[ \t]?[-–][ \t]?)?(?P<q_mon>" + _MONTHS + r")[ \t-]+)"
            r"(?i:quarter)\b(?!-end)"
            # the first quarter of 2012 / of next year
            r"(?:" + _SP + r"(?i:of)" + _SP + _FISCAL + r"(?:(?P<q_yr2>" + _YEAR + r")"
            r"|(?P<q_rel2>(?i:this|last|next))" + _SP + r"(?i:year)\b(?!['’]|[ \t]+(?i:ago|earlier|before)\b)))?"
            # Q3, Q1 2013, Q4 of 2012: with a year, after a preposition or a determiner, or before results
            r"|(?:(?<=\b[iI]n[ \t])|(?<=\b[fF]or[ \t])|(?<=\b[oO]f[ \t])|(?<=\b[tT]he[ \t])|(?<=\b[iI]ts[ \t])"
            r"|(?<=\bduring[ \t])|(?<=\btheir[ \t])|(?<=\bthis[ \t])|(?<=\blast[ \t])|(?<=\bnext[ \t])"
            r"|(?=Q[1-4](?:[ \t]+(?:of[ \t]+)?(?:1[89]|20)\d\d\b|[ \t]+" + _RESULTS + r")))"
            r"Q(?P<q_num>[1-4])\b(?![-.]\d)(?:[ \t]+(?:(?i:of)[ \t]+)?(?P<q_yr3>" + _YEAR + r"))?"),
    # the quarter / the latest quarter / the year-ago period / the 1988 period / last quarter
    # ("period" only with a word that makes it a reporting period)
    ("qref", r"(?P<qr_det>(?i:the|that|this|its|their|last|next))" + _SP
             + r"(?:(?P<qr_yr>" + _YEAR + r")" + _SP + r")?"
             r"(?:(?P<qr_mod>" + _PERIOD_MOD + r")" + _SP + r")?" + _FISCAL
             + r"(?P<qr_unit>(?i:quarter)|(?(qr_mod)(?i:period)|(?(qr_yr)(?i:period)|(?!))))\b(?!-)"
             # the quarter a year ago / the corresponding period last year: one expression
             r"(?:[ \t]+(?P<qr_back>(?i:last[ \t]+year|a[ \t]+year[ \t]+(?:ago|earlier|before)))\b(?!['’]))?"),
    # the first half / the second half of 2013 / first-half / the latter half of next year / the year-earlier
    # first half / H1 2013 (not "the second half of the game", "the first half-hour")
    ("half", r"(?:(?P<h_det>(?i:the|this|last|next|its|their|that))" + _SP + r")?"
             r"(?:(?P<h_rel>(?i:this|last|next))" + _SP + r"(?i:year)['’]s" + _SP + r")?"
             r"(?:(?:(?i:fiscal)[ \t]+)?(?P<h_yr>" + _YEAR[:-len(r"\b(?![,.:]?\d)")] + r")(?:['’]s)?" + _SP + r")?"
             r"(?:(?P<h_mod>(?i:year-earlier|year-ago|year[ \t]+earlier|comparable|corresponding|same|current|latest))"
             + _SP + r")?" + _FISCAL
             + r"(?P<h_ord>(?i:first|second|latter|last|back|final))[ \t-]+(?i:half)\b(?![-\w]|['’](?!s\b)"
             r"|[ \t]+(?i:hours?|century|decade|dozen|miles?|points?|percent|a|an)\b"
             r"|" + _SP + r"(?i:of)" + _SP + r"(?!" + _FISCAL + r"(?:" + _YEAR + r"|(?i:(?:this|last|next|the)"
             + _SP + r"(?:fiscal[ \t]+)?year)\b)))"
             r"(?:" + _SP + r"(?i:of)" + _SP + _FISCAL + r"(?:(?P<h_yr2>" + _YEAR + r")"
             r"|(?P<h_rel2>(?i:this|last|next))" + _SP + r"(?i:year)\b(?!['’])"
             r"|(?i:the)" + _SP + _FISCAL + r"(?P<h_the>(?i:year))\b(?!['’])))?"
             r"|H(?P<h_num>[12])[ \t]+(?:(?i:of)[ \t]+)?(?P<h_yr3>" + _YEAR + r")"),
    # a year earlier / two quarters later / year-earlier / year-ago / the following month
    ("back", r"(?:(?<!\b[hH]alf[ \t])(?P<bk_n>\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a[ \t]+few))"
             + _SP + r"(?P<bk_u>(?i:day|week|month|quarter|year|decade|centur(?:y|ie)))s?" + _SP
             + r"(?P<bk_dir>(?i:earlier|later|before))(?![ \t]+(?i:than|that|the|a|an|his|her|its|their)\b)"
             r"|(?P<bk_adj>(?i:year-earlier|year-ago))"
             r"|(?i:the)" + _SP + r"(?i:following)" + _SP + r"(?P<bk_fol>(?i:week|month))"
             # the year before / the month after (not "the year before the war", "the year before last")
             r"|(?i:the)" + _SP + r"(?P<bk_th>(?i:week|month|year))" + _SP + r"(?P<bk_thd>(?i:before|after))"
             r"(?![ \t]+(?:(?i:the|a|an|his|her|its|their|this|that|last|he|she|it|they|we|i|[\d$])\b|[a-z]+ing\b)))\b"),
    # in five years / in two weeks' time / two years from now / three months hence: ahead of the article date
    ("ahead", r"(?:(?i:in)" + _SP + r"(?P<ah_n>" + _COUNT + r")" + _SP + r"(?P<ah_u>" + _COUNT_UNIT + r")s?\b"
              r"(?:['’]?[ \t]+(?i:time)\b)?(?![ \t]+(?i:ago|earlier|later|before|after|from|of|since|or)\b)"
              r"|(?P<ah_n2>" + _COUNT + r")" + _SP + r"(?P<ah_u2>" + _COUNT_UNIT + r")s?" + _SP
              + r"(?i:from[ \t]+now|hence)\b)"),
    # since then / until then / by then: the time the article spoke of last
    ("then", r"(?P<th_rel>(?i:since|until|till|by|before|after))[ \t]+(?i:then)\b(?![-'’])"),
    # fiscal 1989 / the year 1990 / the year two thousand / nineteen ninety-six / FY2013
    ("fy", r"(?:(?P<fy_pre>(?i:fiscal|the[ \t]+year|the[ \t]+fiscal[ \t]+year|calendar))" + _SP + r")?"
           r"(?:(?<![$#])(?P<fy_num>" + _YEAR + r")(?![ \t]*(?:%|-|(?i:percent|people|troops|years|shares|feet|miles|points|votes|jobs)\b))"
           r"|(?P<fy_words>" + SPELLED_YEAR + r")"
           # FY2013, FY 2013, FY13, FY'13
           r"|FY[ \t'’-]?(?:(?P<fy_num2>(?:19|20)\d\d)|(?P<fy_yy>\d\d))\b(?![,.:]?\d))"),
    # the year / the full year / the current fiscal year / that year / the following year
    ("yref", r"(?P<yr_det>(?i:the|that|this))" + _SP
             + r"(?:(?P<yr_mod>(?i:full|current|following|next|whole|entire|same|fiscal|current[ \t]+fiscal|latest[ \t]+fiscal))" + _SP + r")?"
             r"(?i:year)\b(?!-|[ \t]+(?:two|nineteen|18|19|20|before|after|ago|earlier|later)\b)"),
    # year-end / the end of the year / the beginning of October / the middle of 1990 / the end of the week /
    # the end of the decade
    ("part", r"(?P<ed_ye>(?i:year(?:[ \t-]|['’]s[ \t]+)end)\b)"
             r"|(?:(?i:the)" + _SP + r")?(?P<ed_what>(?i:end|beginning|start|middle|close))" + _SP + r"(?i:of)" + _SP
             + r"(?:(?P<ed_this>(?i:the|this|last|next))" + _SP + r")?"
             r"(?:(?P<ed_unit>(?i:year|month|quarter|week|decade))\b(?![-'’])"
             r"|(?P<ed_m>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
             r"(?:" + _SP + r"(?P<ed_my>" + _YEAR + r"))?"
             r"|(?P<ed_y>" + _YEAR + r"))"),
    # last fall / this summer / the spring of 1990 / the spring of last year / early winter / this past spring /
    # summer 1990
    # ("the fall", "the spring" alone are as often a drop or a source)
    ("season", r"(?:(?P<sn_mod>(?i:this[ \t]+past|this|last|next|early|late|mid|in|during|since|until|by|through|over))[ \t-]+)"
               r"(?:(?i:the)" + _SP + r")?(?:(?P<sn_adv>(?i:early|late))" + _SP + r")?"
               r"(?P<sn>" + _SEASON + r")\b(?!-)"
               r"(?:" + _SP + r"(?i:of)" + _SP + r"(?:(?P<sn_y>" + _YEAR + r")|(?P<sn_y_r>(?i:this|last|next))" + _SP + r"(?i:year)\b(?!['’]))|(?![ \t]+(?i:of)\b))"
               r"|(?i:the)" + _SP + r"(?:(?P<sn_b>(?i:summer|winter|autumn))\b(?!-)(?:" + _SP + r"(?i:of)" + _SP
               + r"(?:(?P<sn_by>" + _YEAR + r")|(?P<sn_by_r>(?i:this|last|next))" + _SP + r"(?i:year)\b(?!['’]))|(?![ \t]+(?i:of)\b))"
               r"|(?P<sn_c>(?i:spring|fall))" + _SP + r"(?i:of)" + _SP + r"(?:(?P<sn_cy>" + _YEAR + r")|(?P<sn_cy_r>(?i:this|last|next))" + _SP + r"(?i:year)\b(?!['’])))"
               r"|(?P<sn_y0>" + _YEAR + r")" + _SP + r"(?P<sn2>" + _SEASON + r")\b"),
    # Christmas / Thanksgiving Day / New Year's Eve / Easter 2016
    ("holiday", r"(?P<hd>" + HOLIDAY_NAMES + r")(?![\w'’-]|[ \t]+Islands?\b)(?:,?" + _SP + r"(?P<hd_y>" + _YEAR + r"))?"),
    # the 1990s / the mid-1980s / the nineties / the last decade
    ("decade", r"(?:(?P<dc_the>(?i:the))" + _SP + r")?(?:(?P<dc_adv>(?i:early|mid|late))[ \t-]+)?"
               r"(?:(?P<dc_y>1[89][1-9]0|20\d0)['’]?s\b"
               # the nineties, the '80s, the mid-'90s (not "the 80s" of a thermometer)
               r"|(?(dc_the)(?:(?P<dc_w>(?i:" + "|".join(DECADE_WORDS) + r"))\b|['’‘](?P<dc_yy>[1-9]0|00)s\b)|(?!)))"
               r"|(?P<dc_rel>(?i:this|the[ \t]+last|the[ \t]+past|the[ \t]+next|the[ \t]+coming|the[ \t]+previous))"
               + _SP + r"(?i:decade)\b"),
    # the 20th century / the nineteenth century / the early twenty-first century / a 19th-century church /
    # this century / the last century / the 1800s (not "a century ago", "centuries", "the 2000s")
    ("century", r"(?:(?P<ct_the>(?i:the))" + _SP + r")?(?:(?P<ct_adv>(?i:early|mid|late))[ \t-]+)?"
                # ("20th Century Fox" is a name)
                r"(?:(?P<ct_ord>" + _CENTURY_ORD + r")[ \t-](?:century|Century(?![ \t]+[A-Z])|CENTURY)\b(?!-old)"
                r"|(?P<ct_y>1[89])00['’]?s\b)"
                r"|(?P<ct_rel>(?i:this|last|next|the[ \t]+last|the[ \t]+next|the[ \t]+previous|the[ \t]+current))"
                + _SP + r"(?i:century)\b(?![-'’])"),
    # the first week of March / the last week of October 2013
    ("wom", r"(?i:the)" + _SP + r"(?P<wk_ord>(?i:first|second|third|fourth|last|final))" + _SP + r"(?i:week)"
            + _SP + r"(?i:of)" + _SP + r"(?P<wk_m>" + _MONTHS + r")\b(?:,?[ \t]+(?P<wk_y>" + _YEAR + r"))?"),
    # that week / the same month / later that month / earlier in the week / later in the year: the unit of
    # the time spoken of last
    ("tunit", r"(?:(?P<tu_adv>(?i:earlier|later|early|late))" + _SP + r")?"
              r"(?:(?i:that|the[ \t]+same|that[ \t]+same)" + _SP + r"(?P<tu_u>(?i:week|month))"
              r"|(?(tu_adv)(?i:in[ \t]+the)" + _SP + r"(?P<tu_u2>(?i:week|month|year))|(?!)))\b(?![-'’])"),
    # now / currently / at present / these days
    ("present", r"(?P<pr>(?i:right[ \t]+now|just[ \t]+now|now|currently|at[ \t]+present|presently|nowadays"
                r"|these[ \t]+days|at[ \t]+the[ \t]+moment))\b(?![-'’])"),
    # recently / in the past / recent / formerly
    ("pastref", r"(?P<pa>(?i:recently|lately|the[ \t]+past(?![ \t]+(?:\d+|few|several|couple|two|three|four|five|six|seven"
                r"|eight|nine|ten|week|weekend|month|year|decade|day|quarter|century|days|weeks|months|years|decades|quarters"
                r"|centuries|\w+[ \t]+(?:hours|days|weeks|months|years|decades|quarters))\b)"
                r"|(?:the[ \t]+)?most[ \t]+recent(?![ \t]+(?:quarter|period)\b)|the[ \t]+other[ \t]+day"
                r"|recent(?![ \t]+(?:days|weeks|months|years|decades|quarter|period)\b)))\b(?![-'’])"),
    # soon / in the future / the near term / the coming months / in coming years
    # ("the future of the company" is its prospects, not a time)
    ("futureref", r"(?P<fu>(?i:soon(?![ \t]+(?:as|after|afterwards?|thereafter)\b)|the[ \t]+(?:near[ \t]+|distant[ \t]+|foreseeable[ \t]+)?future(?![ \t]+of\b)"
                  r"|the[ \t]+(?:near|short|long)[ \t]+term"
                  r"|(?:the[ \t]+)?(?:coming|upcoming|next[ \t]+(?:few|several))[ \t]+(?:days|weeks|months|years|quarters|decades)))\b(?![-'’])"),
]
