"""An Atom feed of seminars, so members can follow new ones in a feed reader."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from course_site.seminars import Seminar

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(seminars: list[Seminar], site_url: str, site_name: str, urls: dict[str, str]) -> str:
    """Atom XML for ``seminars`` (newest first); ``urls`` maps src_uri -> page URL in the site."""
    ET.register_namespace("", ATOM)
    base = site_url.rstrip("/") + "/"
    newest = max((s.date for s in seminars), default=dt.date(1970, 1, 1))
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "ko"})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{site_name} — 세미나"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = base
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = stamp(newest)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"href": base})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": base + "feed.xml"})
    for seminar in sorted(seminars, key=lambda s: (s.date, s.number), reverse=True):
        link = base + urls[seminar.src_uri]
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = seminar.title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = link
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": link})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = stamp(seminar.date)
        for name in seminar.presenters:
            ET.SubElement(ET.SubElement(entry, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = name
        for tag in seminar.tags:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": tag})
        summary = seminar.summary or f"{seminar.term.title} {seminar.number}회차 세미나"
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00+09:00"  # seminars happen in Korea
