"""The extraction metric on hand-made cases, and the quality gate against peers on real pages
(only where ../shared/datasets is present; the pages are never copied into the project)."""

import pytest

from dateline.evals.extraction import BodyScore, DateScore, evaluate, shingle_match

from ..conftest import SHARED

needs_shared = pytest.mark.skipif(not (SHARED / "datasets" / "extraction").is_dir(),
                                  reason="../shared/datasets/extraction not present")


def test_shingle_match_counts_four_gram_multisets():
    gold = "one two three four five"          # shingles: (1 2 3 4), (2 3 4 5)
    found = "one two three four five six"     # adds (3 4 5 6)
    tp, fp, fn = shingle_match(gold, found)
    assert (tp, fp, fn) == pytest.approx((2 / 3, 1 / 3, 0.0))
    assert shingle_match("a b c d", "a b c d") == (1.0, 0.0, 0.0)


def test_body_score_averages_per_page_then_takes_f1():
    score = BodyScore()
    score.add("one two three four five", "one two three four five")    # P 1, R 1
    score.add("one two three four five", "one two three four")         # P 1, R 0.5
    assert score.precision == 1.0 and score.recall == pytest.approx(0.75)
    assert score.f1 == pytest.approx(2 * 0.75 / 1.75)
    assert score.exact == 1


def test_date_score():
    dates = DateScore()
    dates.add("2023-05-02", "2023-05-02T10:00:00")
    dates.add("2023-05-02", "2023-05-03")
    dates.add("2023-05-02", None)
    assert (dates.right, dates.wrong, dates.missing) == (1, 1, 1)


@needs_shared
def test_dateline_is_at_least_as_good_as_trafilatura_on_scrapinghub():
    rows = {row.system: row for row in evaluate("scrapinghub", ["dateline", "trafilatura"])}
    assert rows["dateline"].body.f1 >= rows["trafilatura"].body.f1
    assert rows["dateline"].body.f1 > 0.9
