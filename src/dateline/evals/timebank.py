"""French TimeBank's inline TimeML: the text without its tags (the offset basis of every gold
set built on it) and the DATE TIMEX3 spans in that text."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TAG = re.compile(r"<(/?)([A-Z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str


def plain_with_dates(body: str) -> tuple[str, list[GoldTimex]]:
    """The text without its inline tags, and the DATE TIMEX3 spans in it."""
    out: list[str] = []
    length = 0
    golds: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    last = 0
    for match in _TAG.finditer(body):
        piece = html.unescape(body[last:match.start()])
        out.append(piece)
        length += len(piece)
        last = match.end()
        closing, name, attrs, _self = match.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            if attributes.get("type") == "DATE" and attributes.get("value"):
                text = "".join(out)[start:length]
                golds.append(GoldTimex(start, length, text, attributes["value"]))
            open_timex = None
    out.append(html.unescape(body[last:]))
    return "".join(out), golds


def plain_text(raw: str) -> str:
    """A TimeBank file's TEXT element without its inline tags (the offset basis of its gold)."""
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    return plain_with_dates(body.group(1))[0] if body else ""


