import pytest

from dateline.evals.places import distance_km


def test_great_circle_distances():
    assert distance_km(48.8566, 2.3522, 48.8566, 2.3522) == 0.0
    assert distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=5)  # Paris-London
    assert distance_km(40.1792, 44.4991, 40.4093, 49.8671) == pytest.approx(455, abs=10)  # Yerevan-Baku
