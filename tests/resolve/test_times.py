from __future__ import annotations

import datetime as dt

from dateline.resolve.times import (
    anchor_partial_dates,
    find_dates,
    first_on_or_after,
    latest_cited_date,
)


def test_year_shared_across_a_list_of_dates():
    text = "les accords du 5 mars 2019, du 14 février et du 30 août 2020 sont en vigueur"
    values = [m.value() for m in find_dates(text, "fr")]
    assert values == ["2019-03-05", "2020-02-14", "2020-08-30"]


def test_list_read_chronologically_across_new_year():
    mentions = find_dates("les réunions du 20 décembre et du 3 janvier 2023", "fr")
    assert [m.value() for m in mentions] == ["2022-12-20", "2023-01-03"]


def test_partial_date_anchored_to_the_story():
    mentions = find_dates("On 28 December the envoy arrived.", "en")
    anchor_partial_dates(mentions, dt.date(2024, 1, 4))
    assert mentions[0].value() == "2023-12-28"


def test_english_month_day_and_modal_may():
    mentions = find_dates("Officials may 5 times ask. Talks on March 7, 2021 failed.", "en")
    assert [m.value() for m in mentions] == ["2021-03-07"]


def test_publication_year_inference():
    mentions = find_dates("depuis l'accord du 2 juin 2019", "fr")
    latest = latest_cited_date(mentions)
    assert latest == dt.date(2019, 6, 2)
    assert first_on_or_after(15, 3, latest) == dt.date(2020, 3, 15)
    assert first_on_or_after(2, 6, latest) == dt.date(2019, 6, 2)


def _relative(text: str, anchor: str, lang: str = "fr") -> dict[str, str | None]:
    import datetime as dt

    from dateline.nlp import parse
    from dateline.resolve.relative import anchor_relative, find_all_dates
    from dateline.resolve.times import anchor_partial_dates

    mentions = find_all_dates(text, lang)
    day = dt.date.fromisoformat(anchor)
    anchor_partial_dates(mentions, day)
    anchor_relative(mentions, day, parse(text, lang))
    return {m.text: m.timex() for m in mentions}


def test_relative_days_weeks_years_and_decades_in_french():
    # 2021-03-10 is a Wednesday.
    found = _relative("Hier, le conseil a voté. Vendredi dernier, les élus s'étaient réunis. L'an dernier, "
                      "en avril, puis dans les années 80 et en 1997, la ville a changé. Cette semaine, "
                      "rien de neuf.", "2021-03-10")
    assert found["Hier"] == "2021-03-09"
    assert found["Vendredi dernier"] == "2021-03-05"
    assert found["L'an dernier"] == "2020"
    assert found["avril"] == "2020-04"  # still to come this year: last year's
    assert found["années 80"] == "198X"
    assert found["1997"] == "1997"
    assert found["Cette semaine"] == "2021-W10"


def test_bare_weekday_looks_back_unless_the_verb_is_future():
    found = _relative("Samedi, les agriculteurs ont bloqué le port. Mardi, ils manifesteront à Nantes.",
                      "2021-03-10")
    assert found["Samedi"] == "2021-03-06"
    assert found["Mardi"] == "2021-03-16"


def test_counts_are_not_years():
    assert _relative("Environ 2000 personnes et 1 500 manifestants.", "2021-03-10") == {}


def test_relative_dates_in_english():
    found = _relative("Police said yesterday that the protest planned for next week was banned last year.",
                      "2022-06-15", "en")
    assert found["yesterday"] == "2022-06-14"
    assert found["next week"] == "2022-W25"
    assert found["last year"] == "2021"
