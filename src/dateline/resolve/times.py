"""Date expressions: detection with per-language calendar data, ISO normalisation.

Written by hand because the part that matters here is not parsing one date string (which
dateparser does) but the document logic around it: years shared across coordinated dates
("du 11 janvier et du 26 novembre 2021"), partial dates anchored to the story's date, and a
publication year inferred from the dates a story cites when the page gives none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from dateline.lang import load_language


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    year_from: str | None = None  # "text", "list", "anchor", "relative"
    granularity: str = "day"  # day, month, year, week, weekend, decade
    relative: tuple[str, int] | None = None  # ("day", -1) for "hier", ("weekday", 4) for "vendredi" ...

    def value(self) -> str | None:
        """ISO date (day, month or year precision), or None."""
        if self.year is None:
            return None
        if self.granularity == "year":
            return f"{self.year:04d}"
        if self.granularity == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if self.granularity != "day":
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def timex(self) -> str | None:
        """TIMEX3 value, which also covers weeks ('1999-W27'), weekends and decades ('196X')."""
        if self.year is None:
            return None
        if self.granularity == "decade":
            return f"{self.year // 10:03d}X"
        if self.granularity in {"week", "weekend"}:
            week_year, week, _ = dt.date(self.year, self.month, self.day).isocalendar()
            return f"{week_year:04d}-W{week:02d}" + ("-WE" if self.granularity == "weekend" else "")
        return self.value()

    def as_date(self) -> dt.date | None:
        return _safe_date(self.year, self.month, self.day) if self.year else None


def _safe_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@cache
def _months(lang: str) -> dict[str, int]:
    return {name.casefold(): number for name, number in load_language(lang).dates.months.items()}


@cache
def month_alternation(lang: str) -> str:
    names = sorted(_months(lang), key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


@cache
def _date_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    months = month_alternation(lang)
    return tuple(re.compile(rx.replace("{MONTH}", months), re.IGNORECASE)
                 for rx in load_language(lang).dates.patterns.dates)


@cache
def _joiner(lang: str) -> re.Pattern[str]:
    return re.compile(load_language(lang).dates.patterns.list_joiners, re.IGNORECASE)


def parse_date_text(text: str, lang: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of a single date expression such as '12 OCTOBRE'."""
    for pattern in _date_patterns(lang):
        match = pattern.search(text)
        if match:
            parsed = _parts(match, lang)
            if parsed:
                return parsed
    return None


def _parts(match: re.Match[str], lang: str) -> tuple[int, int, int | None] | None:
    month = _months(lang).get(match.group("month").casefold().rstrip("."))
    day = int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else None
    if month is None or not 1 <= day <= 31:
        return None
    if load_language(lang).dates.capitalised_months and match.group("month")[0].islower():
        return None  # "may 5" is a verb and a number where months are written capitalised
    return day, month, year


def find_dates(text: str, lang: str) -> list[DateMention]:
    """Every day-and-month expression in the text, with its year when the text gives it."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _date_patterns(lang):
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            parsed = _parts(match, lang)
            if not parsed:
                continue
            day, month, year = parsed
            found.append(DateMention(match.start(), match.end(), match.group(0), day, month, year,
                                     "text" if year else None))
            taken.append((match.start(), match.end()))
    found.sort(key=lambda mention: mention.start)
    _share_years_in_lists(found, text, lang)
    return found


def _share_years_in_lists(mentions: list[DateMention], text: str, lang: str) -> None:
    """A yearless date takes the year of the next date of the same list.

    "du 11 janvier et du 26 novembre 2021": 11 janvier is 2021. A list is read in
    chronological order, so a partial date later in the year than its partner is the year
    before ("du 26 novembre et du 11 janvier 2021" -> 2020-11-26).
    """
    joiner = _joiner(lang)
    for index in range(len(mentions) - 2, -1, -1):
        current, following = mentions[index], mentions[index + 1]
        if current.year is not None or following.year is None:
            continue
        if not joiner.match(text[current.end:following.start]):
            continue
        year = following.year
        if (current.month, current.day) > (following.month, following.day):
            year -= 1
        current.year, current.year_from = year, "list"


def anchor_partial_dates(mentions: list[DateMention], anchor: dt.date | None) -> None:
    """Give yearless dates the year that puts them closest to the story's date."""
    if anchor is None:
        return
    for mention in mentions:
        if mention.year is None and mention.relative is None:
            options = [_safe_date(anchor.year + k, mention.month, mention.day) for k in (-1, 0, 1)]
            valid = [d for d in options if d]
            if valid:
                best = min(valid, key=lambda d: abs((d - anchor).days))
                mention.year, mention.year_from = best.year, "anchor"


def latest_cited_date(mentions: list[DateMention]) -> dt.date | None:
    """Latest date the text gives with a year (its own or shared in a list)."""
    dates = [m.as_date() for m in mentions if m.year_from in {"text", "list"}]
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def first_on_or_after(day: int, month: int, after: dt.date) -> dt.date | None:
    """The first (day, month) on or after a date: the year of a dateline without one."""
    for year in range(after.year, after.year + 5):
        candidate = _safe_date(year, month, day)
        if candidate and candidate >= after:
            return candidate
    return None
