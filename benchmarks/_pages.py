"""Synthetic saved news pages for benchmarks/ingest.py: no real pages ship with
reader (third-party news text stays out of the project), so these stand in.

Every page is made up from word lists here, in one of five layouts that put
the article, its metadata and the clutter around it in the places real sites
do: navigation, cookie notices, ads inside the text, bylines, share buttons,
"read more" lists, comments, photo captions with credits, JSON-LD or Open
Graph or plain meta tags, dates only in the visible text. A few pages are
windows-1252, a few gzipped. The same seed gives the same pages.
"""

from __future__ import annotations

import gzip
import html
import json
import random
from pathlib import Path

OUTLETS = ["Harbour Ledger", "Valley Courier", "Northgate Times", "Riverside Post", "Cape Tribune",
           "Lakeland Herald", "Eastmarch Daily", "Silverton Gazette", "Westfold Observer", "Pinecrest News"]
PLACES = ["Ardmoor", "Kelvick", "Brennholt", "Saltmere", "Ostervik", "Drumlow", "Caskell", "Veyra",
          "Lunwick", "Tarsby", "Elmcross", "Norhaven", "Glasswater", "Fennick"]
PEOPLE = ["Ilse Maren", "Tomas Rook", "Edda Vink", "Ruben Osk", "Maja Tell", "Oren Stahl", "Lina Brekk",
          "Kasper Ulm", "Sanne Holt", "Arvid Lom", "Petra Zell", "Jon Ferris"]
ROLES = ["the mayor", "a council spokesperson", "the regional governor", "the harbour master",
         "a union representative", "the head of the fire service", "a local shop owner", "the school principal"]
SUBJECTS = ["The council", "Residents", "The ferry company", "Engineers", "Farmers in the valley",
            "The regional hospital", "Police", "Teachers", "The water authority", "Volunteers", "The rail operator"]
VERBS = ["announced", "warned", "confirmed", "denied", "proposed", "postponed", "approved", "criticised",
         "welcomed", "rejected", "investigated", "reported"]
OBJECTS = ["a plan to rebuild the old bridge", "new limits on traffic in the centre", "the closure of the pier",
           "a rise in ticket prices", "repairs to the sea wall", "the budget for next year",
           "a study of the flooded fields", "longer opening hours at the clinic", "a ban on night fishing",
           "the sale of the former barracks", "a shortage of nurses", "damage from the storm"]
TAILS = ["on Tuesday", "after weeks of talks", "at a meeting that ran late into the evening",
         "despite objections from neighbours", "in a statement published on its website",
         "for the second time this year", "citing rising costs", "after an inspection last month"]
AD_LINES = ["Save 40% on winter tyres this week only!", "Advertisement: book your summer cabin now",
            "Sponsored: the smart thermostat everyone is talking about", "Get the app: news on the go"]
COMMENTS = ["Typical. Nobody asked us.", "Finally some good news for the town.", "Who is paying for this?",
            "I was there, it was chaos.", "Great reporting, thank you."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def _sentence(r: random.Random) -> str:
    kind = r.random()
    if kind < 0.18:
        who = r.choice(PEOPLE)
        return (f"\u201c{r.choice(SUBJECTS).lower().capitalize()} {r.choice(VERBS)} {r.choice(OBJECTS)}, and we will not "
                f"accept that,\u201d said {who}, {r.choice(ROLES)}.")
    if kind < 0.30:
        n = r.randint(2, 900)
        return f"About {n} people in {r.choice(PLACES)} were affected, according to figures released {r.choice(TAILS)}."
    return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} in {r.choice(PLACES)} {r.choice(TAILS)}."


def _paragraphs(r: random.Random, n: int) -> list[str]:
    return [" ".join(_sentence(r) for _ in range(r.randint(2, 5))) for _ in range(n)]


def _nav(r: random.Random, outlet: str) -> str:
    items = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ["Home", "News", "Sport", "Business",
                                                                         "Culture", "Weather", "Opinion"])
    return (f'<header><div class="logo"><a href="/">{html.escape(outlet)}</a></div>'
            f'<nav class="main-nav"><ul>{items}</ul></nav>'
            '<div class="cookie-banner" id="cookie-consent">We use cookies to give you the best experience. '
            '<button>Accept all</button> <a href="/privacy">Settings</a></div></header>')


def _related(r: random.Random) -> str:
    links = "".join(f'<li><a href="/news/{r.randint(1000, 9999)}">{html.escape(r.choice(SUBJECTS))} '
                    f'{r.choice(VERBS)} {html.escape(r.choice(OBJECTS))}</a></li>' for _ in range(5))
    return f'<aside class="related"><h3>Read more</h3><ul>{links}</ul></aside>'


def _comments(r: random.Random) -> str:
    rows = "".join(f'<div class="comment"><span class="user">reader{r.randint(1, 999)}</span>'
                   f'<p>{html.escape(r.choice(COMMENTS))}</p></div>' for _ in range(r.randint(2, 6)))
    return f'<section id="comments" class="comments"><h3>Comments</h3>{rows}</section>'


def _footer(outlet: str) -> str:
    return (f'<footer><p>\u00a9 {html.escape(outlet)}. All rights reserved.</p>'
            '<a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/subscribe">Subscribe</a></footer>')


def _ad(r: random.Random) -> str:
    return f'<div class="advertisement ad-slot"><span>ADVERTISEMENT</span><p>{r.choice(AD_LINES)}</p></div>'


def _body(paras: list[str], r: random.Random, with_ads: bool, subheads: bool) -> str:
    out = []
    for i, p in enumerate(paras):
        if subheads and i and i % 4 == 0:
            out.append(f"<h2>{html.escape(r.choice(SUBJECTS))} {r.choice(VERBS)}</h2>")
        out.append(f"<p>{html.escape(p)}</p>")
        if with_ads and i == len(paras) // 2:
            out.append(_ad(r))
    return "".join(out)


def page(i: int, r: random.Random) -> tuple[str, str, bytes]:
    """(file name, encoding, bytes) of page ``i``."""
    outlet = r.choice(OUTLETS)
    place = r.choice(PLACES)
    title = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} in {place}"
    y, m, d = r.randint(2019, 2025), r.randint(1, 12), r.randint(1, 28)
    iso = f"{y:04d}-{m:02d}-{d:02d}"
    author = r.choice(PEOPLE)
    paras = _paragraphs(r, r.randint(5, 22))
    slug = "-".join(title.lower().split()[:6])
    canonical = f"https://www.{outlet.lower().replace(' ', '')}.example/news/{iso}/{slug}"
    layout = i % 5
    t = html.escape(title)
    if layout == 0:  # a classic news site: Open Graph, byline, inline ad, related, comments
        head = (f'<title>{t} | {html.escape(outlet)}</title><link rel="canonical" href="{canonical}">'
                f'<meta property="og:site_name" content="{html.escape(outlet)}"><meta property="og:title" content="{t}">'
                f'<meta name="author" content="{author}"><meta property="article:published_time" content="{iso}T08:00:00Z">')
        main = (f'<main><article><h1>{t}</h1><p class="byline">By {author} \u00b7 <time datetime="{iso}">{d} '
                f'{MONTHS[m - 1]} {y}</time></p>{_body(paras, r, True, True)}</article>{_related(r)}{_comments(r)}</main>')
    elif layout == 1:  # JSON-LD metadata only, a sidebar of widgets
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                         "datePublished": f"{iso}T10:30:00+01:00", "author": {"@type": "Person", "name": author},
                         "publisher": {"@type": "Organization", "name": outlet}, "mainEntityOfPage": canonical})
        head = f'<title>{t} - {html.escape(outlet)}</title><script type="application/ld+json">{ld}</script>'
        widgets = '<div class="sidebar"><div class="widget">Most read</div><div class="widget">Newsletter sign-up</div></div>'
        main = (f'<div class="wrapper"><div class="content"><h1 class="headline">{t}</h1>'
                f'<div class="entry-content">{_body(paras, r, r.random() < 0.5, False)}</div></div>{widgets}</div>')
    elif layout == 2:  # div soup, the date only in the visible text, share buttons
        head = f'<title>{t}</title><meta name="description" content="{html.escape(paras[0][:150])}">'
        divs = "".join(f'<div class="para">{html.escape(p)}</div>' for p in paras)
        main = (f'<div id="page"><div class="story-header"><div class="title">{t}</div>'
                f'<div class="meta">Published {d} {MONTHS[m - 1]} {y} \u2013 {html.escape(outlet)}</div></div>'
                f'<div class="share"><a>Facebook</a><a>X</a><a>Email</a></div><div class="story-body">{divs}</div>'
                f'{_ad(r)}<div class="tags">Tags: {place}, local</div></div>')
    elif layout == 3:  # <main> with subheadings, a quote block, a list and a table; plain meta tags
        head = (f'<title>{t} | {html.escape(outlet)}</title><meta name="date" content="{iso}">'
                f'<meta name="author" content="{author}"><meta name="application-name" content="{html.escape(outlet)}">')
        extra = (f"<blockquote><p>{html.escape(_sentence(r))}</p></blockquote>"
                 f"<ul><li>{html.escape(r.choice(OBJECTS))}</li><li>{html.escape(r.choice(OBJECTS))}</li></ul>"
                 f"<table><tr><th>Place</th><th>People</th></tr><tr><td>{place}</td><td>{r.randint(10, 500)}</td></tr></table>")
        main = f'<main><h1>{t}</h1>{_body(paras[:3], r, False, False)}{extra}{_body(paras[3:], r, True, True)}</main>'
    else:  # photos with credits and captions, a live-updates box, a paywall teaser below
        head = (f'<title>{t} - {html.escape(outlet)}</title><link rel="canonical" href="{canonical}">'
                f'<meta property="og:site_name" content="{html.escape(outlet)}">'
                f'<meta property="article:published_time" content="{iso}">')
        fig = (f'<figure><img src="/img/{i}.jpg" alt=""><figcaption>{place} harbour on {MONTHS[m - 1]} {d}. '
               f'\u00a9 Photo Agency</figcaption></figure>')
        main = (f'<article class="post"><header><h1>{t}</h1><span class="author">{author}</span></header>{fig}'
                f'{_body(paras, r, True, False)}<div class="live-box"><b>Live:</b> updates every hour</div>'
                f'<div class="paywall-teaser">Subscribe for unlimited access</div></article>{_related(r)}')
    encoding = "windows-1252" if i % 11 == 5 else "utf-8"
    doc = (f'<!DOCTYPE html><html lang="en"><head><meta charset="{encoding}">{head}'
           f'<script>window.dataLayer=[];function track(){{}}</script><style>.ad{{display:block}}</style></head>'
           f'<body>{_nav(r, outlet)}{main}{_footer(outlet)}</body></html>')
    data = doc.encode(encoding, errors="xmlcharrefreplace")
    name = f"page-{i:04d}"
    if i % 13 == 7:
        return f"{name}.html.gz", encoding, gzip.compress(data)
    return f"{name}.{'htm' if i % 7 == 3 else 'html'}", encoding, data


def generate(folder: Path, n: int, seed: int = 1) -> Path:
    """``n`` pages in ``folder`` (made once; kept for the next run)."""
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.iterdir())) == n:
        return folder
    r = random.Random(seed)
    for i in range(n):
        name, _, data = page(i, r)
        (folder / name).write_bytes(data)
    return folder
