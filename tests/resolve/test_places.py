from dateline.resolve.places import load_gazetteer


def test_a_place_whose_own_name_it_is_beats_an_alternate_name():
    gazetteer = load_gazetteer()
    florida = gazetteer.lookup("Florida", frozenset({"USA"}))
    assert florida is not None and florida.country == "USA" and florida.feature == "ADM1"
    montana = gazetteer.lookup("Montana", frozenset({"USA"}))
    assert montana.country == "USA"
    assert gazetteer.lookup("Montana", frozenset({"BGR"})).country == "BGR"


def test_states_continents_and_countries_have_coordinates():
    gazetteer = load_gazetteer()
    for name in ("Texas", "Europe", "Afrique", "Turquie", "Arménie"):
        entry = gazetteer.lookup(name)
        assert entry is not None and entry.lat is not None and entry.lon is not None, name
    assert gazetteer.lookup("Turquie").country == "TUR"
