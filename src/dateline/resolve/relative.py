"""Relative and partial time expressions ("hier", "vendredi dernier", "l'an dernier", "cette
semaine", "en mars", "1998", "les années 60"), from `lang/<code>/dates.toml` `[relative]`,
resolved against the story's date; bare weekdays look back unless their verb is in the future.

Written by hand on top of the day-month detector because the resolution needs the story's
date and the clause's tense, which dateparser does not see.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Doc

from dateline.lang import load_language
from dateline.resolve.times import DateMention, month_alternation
from dateline.textutil import fold


def _data(lang: str) -> dict:
    return _relative_table(lang)


@cache
def _relative_table(lang: str) -> dict:
    return load_language(lang).dates.relative.model_dump()


@cache
def _patterns(lang: str) -> list[tuple[re.Pattern[str], str, int]]:
    """(pattern, kind, offset) for the fixed phrases of the language, longest first."""
    data = _data(lang)
    phrases: list[tuple[str, str, int]] = []
    for kind in ("day", "year", "week", "weekend", "month_rel"):
        for phrase, offset in data.get(kind, {}).items():
            phrases.append((phrase, kind, int(offset)))
    phrases.sort(key=lambda p: len(p[0]), reverse=True)
    out = []
    for phrase, kind, offset in phrases:
        body = re.escape(phrase).replace("\\'", "['’]").replace("’", "['’]")
        out.append((re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE), kind, offset))
    return out


def _weekday_pattern(lang: str) -> re.Pattern[str] | None:
    data = _data(lang)
    days = data.get("weekdays", {})
    if not days:
        return None
    names = "|".join(sorted(map(re.escape, days), key=len, reverse=True))
    last = "|".join(map(re.escape, data.get("last", [])))
    nxt = "|".join(map(re.escape, data.get("next", [])))
    before = data.get("weekday_before", "")
    after = rf"(?:\s+(?P<last>{last})|\s+(?P<next>{nxt}))?" if last or nxt else ""
    return re.compile(rf"(?<![\w-])(?:(?P<pre>{before})\s+)?(?P<weekday>{names}){after}(?![\w-])", re.IGNORECASE)


def find_all_dates(text: str, lang: str) -> list[DateMention]:
    """Day-month dates, then relative and partial expressions, in text order."""
    from dateline.resolve.times import find_dates

    dates = find_dates(text, lang)
    more = find_relative(text, lang, [(d.start, d.end) for d in dates])
    return sorted(dates + more, key=lambda d: d.start)


def find_relative(text: str, lang: str, taken: list[tuple[int, int]]) -> list[DateMention]:
    """Relative and partial expressions that do not overlap the spans already found."""
    data = _data(lang)
    found: list[DateMention] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken + [(m.start, m.end) for m in found])

    for pattern, kind, offset in _patterns(lang):
        for match in pattern.finditer(text):
            if free(match.start(), match.end()):
                found.append(_relative(match, kind, offset))
    weekday = _weekday_pattern(lang)
    if weekday is not None:
        for match in weekday.finditer(text):
            if not free(match.start(), match.end()):
                continue
            number = data["weekdays"][match.group("weekday").casefold()]
            direction = -1 if match.groupdict().get("last") else 1 if match.groupdict().get("next") else 0
            mention = DateMention(match.start(), match.end(), match.group(0), 1, 1, None, None,
                                  relative=("weekday", number * 10 + (direction + 1)))
            found.append(mention)
    for key, granularity in (("month_year", "month"), ("month_alone", "month"), ("year_pattern", "year"),
                             ("decade", "decade")):
        rx = data.get(key)
        if not rx:
            continue
        pattern = re.compile(rx.replace("{MONTH}", month_alternation(lang)), re.IGNORECASE)
        for match in pattern.finditer(text):
            start, end = match.span("value") if "value" in pattern.groupindex else match.span()
            if free(start, end):
                mention = _partial(match, granularity, lang, start, end, text)
                if mention is not None:
                    found.append(mention)
    return found


def _relative(match: re.Match[str], kind: str, offset: int) -> DateMention:
    granularity = {"day": "day", "year": "year", "week": "week", "weekend": "weekend", "month_rel": "month"}[kind]
    return DateMention(match.start(), match.end(), match.group(0), 1, 1, None, None, granularity=granularity,
                       relative=(kind, offset))


def _partial(match: re.Match[str], granularity: str, lang: str, start: int, end: int,
             text: str) -> DateMention | None:
    from dateline.resolve.times import _months

    groups = match.groupdict()
    month = _months(lang).get((groups.get("month") or "").casefold().rstrip("."), 1)
    if granularity == "decade":
        year = 1900 + int(groups["decade"]) if len(groups["decade"]) == 2 else int(groups["decade"])
        return DateMention(start, end, text[start:end], 1, 1, year, "text", granularity="decade")
    year_text = groups.get("year")
    if granularity == "month" and not year_text:
        return DateMention(start, end, text[start:end], 1, month, None, None, granularity="month",
                           relative=("month", month))
    year = int(year_text)
    return DateMention(start, end, text[start:end], 1, month, year, "text", granularity=granularity)


def anchor_relative(mentions: list[DateMention], anchor: dt.date | None, doc: Doc | None = None) -> None:
    """Resolve relative mentions against the story's date; bare weekdays by their verb's tense."""
    if anchor is None:
        return
    for mention in mentions:
        if mention.relative is None or mention.year is not None:
            continue
        kind, offset = mention.relative
        day = _resolve(kind, offset, anchor, mention, doc)
        if day is not None:
            mention.year, mention.month, mention.day, mention.year_from = day.year, day.month, day.day, "relative"


def _resolve(kind: str, offset: int, anchor: dt.date, mention: DateMention, doc: Doc | None) -> dt.date | None:
    if kind == "day":
        return anchor + dt.timedelta(days=offset)
    if kind == "year":
        return dt.date(anchor.year + offset, 1, 1)
    if kind in {"week", "weekend"}:
        return anchor + dt.timedelta(weeks=offset)
    if kind == "month_rel":
        month = anchor.month - 1 + offset
        return dt.date(anchor.year + month // 12, month % 12 + 1, 1)
    if kind == "month":  # "en mars": this year's, or last year's when it is still to come
        return dt.date(anchor.year if offset <= anchor.month else anchor.year - 1, offset, 1)
    if kind == "weekday":
        weekday, direction = divmod(offset, 10)
        direction -= 1
        if direction == 0:
            direction = 1 if _future_clause(mention, doc) else -1
        delta = (weekday - anchor.weekday()) % 7
        if direction > 0:
            return anchor + dt.timedelta(days=delta or 7)
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
    return None


def _future_clause(mention: DateMention, doc: Doc | None) -> bool:
    if doc is None:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    future = load_language(doc.lang_).grammar.auxiliaries.future_lemmas
    head = span.root.head
    for _ in range(3):
        helpers = [c for c in head.children if c.dep_.startswith("aux")]
        if head.morph.get("Tense") == ["Fut"] or any(
                c.morph.get("Tense") == ["Fut"] or fold(c.lemma_) in future for c in helpers) \
                or head.morph.get("Mood") == ["Cnd"]:
            return True
        if head.head.i == head.i:  # the root
            break
        head = head.head
    return False
