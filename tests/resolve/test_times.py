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
