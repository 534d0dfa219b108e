"""Merging events across documents: copies of one dispatch merge, different places, figures or
days do not, and a happening is joined through its first event only."""

from __future__ import annotations

import datetime as dt

from dateline.store.clusters import Mention, same_happening

DAY = dt.date(2025, 4, 5)


def mention(words: str, *, event: str = "PROTEST", date: dt.date | None = DAY, basis: str = "explicit",
            location: str | None = "Lille", names: tuple[str, ...] = (), numbers: tuple[str, ...] = ()) -> Mention:
    return Mention(event, date, basis, location, frozenset(names), frozenset(words.split()), frozenset(numbers))


COPY = "quelque cinq cents éleveurs ont défilé samedi dans les rues contre la baisse des aides européennes"


def test_copies_of_one_dispatch_merge():
    assert same_happening(mention(COPY, basis="published"), mention(COPY + " selon la préfecture", basis="published"),
                          same_story=True)


def test_different_places_or_figures_never_merge():
    assert same_happening(mention(COPY, location="Lille"), mention(COPY, location="Metz"), same_story=True) is None
    assert same_happening(mention(COPY, numbers=("412",)), mention(COPY, numbers=("2",)), same_story=True) is None


def test_independent_reports_need_the_same_stated_day_and_place():
    other_words = "des agriculteurs en colère ont bloqué le périphérique"
    first = mention(COPY)
    assert same_happening(mention(other_words), first, same_story=False) is not None
    assert same_happening(mention(other_words, basis="published"), first, same_story=False) is None
    assert same_happening(mention(other_words, date=DAY + dt.timedelta(days=1)), first, same_story=False) is None
    assert same_happening(mention(other_words, location=None), first, same_story=False) is None


def test_statements_between_named_parties_need_a_name_in_common():
    first = mention(COPY, event="ACCUSE", names=("Ana Example",))
    said = "le ministre a vivement critiqué la décision de ses voisins"
    assert same_happening(mention(said, event="ACCUSE", names=("Ana Example",)), first, same_story=False)
    assert same_happening(mention(said, event="ACCUSE", names=("Bo Sample",)), first, same_story=False) is None
