"""A city's name standing for its team: "beat Quenford", "Quenford 71-64", "Quenford fans".

Detection marks such cues of sport (``cues.TEAM``); linking reads a known place's mentions that have
one as the team, an organisation of its own, and so are the place's mentions that no word marks as the
place ("in Quenford") in an article that names the team, or in every article when the corpus names the
team more often than the place. The team then joins the team named after the city ("Quenford Otters")
in its article, else the corpus's only one.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .cues import TEAM, WHERE
from .gazetteer import fold, gazetteer
from .lexicon import ORG_HEADS
from .raw import RawMention

TEAM_KEY = " (team)"  # what a form key of the team's mentions ends with


def team_uses(raw: list[RawMention]) -> set:
    """The (article, key) pairs and the keys whose place is read as its team."""
    names = gazetteer().names
    found: set = set()
    uses: Counter = Counter()
    for m in raw:
        if m.gaz and (TEAM in m.votes or WHERE in m.votes):
            e = names.get(fold(m.gaz))
            if e is not None and e.type == "PLACE":
                if TEAM in m.votes:
                    found.add((m.doc, m.key))
                    uses[m.key] += 1
                else:
                    uses[m.key] -= 1
    return found | {k for k, n in uses.items() if n > 0}


def as_team(m: RawMention, uses: set) -> bool:
    """Whether ``m`` names the team; if so its place vote and gazetteer name are dropped."""
    if m.gaz is None or not ((m.doc, m.key) in uses or m.key in uses) or (TEAM not in m.votes and WHERE in m.votes):
        return False
    m.votes = {t: w for t, w in m.votes.items() if t != "PLACE"}  # vote tables are shared: a copy
    m.gaz = None  # the team is not named as the city is
    return True


def named_teams(forms: dict[str, list[RawMention]], ftype: dict[str, str]) -> dict[str, set[str]]:
    """City key -> the team forms named after it: a known place and a plural, as detection reads them."""
    names = gazetteer().names
    teams: dict[str, set[str]] = defaultdict(set)
    for k, ms in forms.items():
        words = k.split()
        if ftype[k] == "ORG" and len(words) >= 2 and words[-1].endswith("s") and not words[-1].endswith("ss") \
                and words[-1] not in ORG_HEADS:
            e = names.get(fold(" ".join(ms[0].text.split()[:-1])))
            if e is not None and e.type == "PLACE":
                teams[" ".join(words[:-1])].add(k)
    return teams
