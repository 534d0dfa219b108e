from dateline.resolve.places import GazEntry, Gazetteer, load_gazetteer


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


def test_state_abbreviations_and_postal_codes_name_us_states():
    gazetteer = load_gazetteer()
    for text in ("Wyo.", "Nebr.", "NE", "Tenn."):
        entry = gazetteer.lookup(text)
        assert entry is not None and entry.feature == "ADM1" and entry.country == "USA", text
    assert gazetteer.lookup("Wyo.").name == "Wyoming"
    assert gazetteer.lookup("Tenn.").admin1 == "TN"


def test_first_level_areas_of_other_countries_follow_the_story_countries():
    gazetteer = load_gazetteer()
    bavaria = gazetteer.lookup("Bayern")
    assert bavaria.name == "Bavaria" and bavaria.country == "DEU" and bavaria.admin1 is not None
    assert gazetteer.lookup("Punjab", frozenset({"IND"})).country == "IND"
    assert gazetteer.lookup("Punjab", frozenset({"PAK"})).country == "PAK"
    # An area's people weigh against a smaller city of its name elsewhere.
    assert gazetteer.lookup("Victoria").feature == "ADM1"


def test_a_qualified_name_is_the_place_inside_its_qualifier():
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Portland").admin1 == "OR"
    assert gazetteer.lookup("Portland, Maine").admin1 == "ME"
    assert gazetteer.lookup("Springfield, Mo.").admin1 == "MO"
    assert gazetteer.lookup("Springfield, MA").admin1 == "MA"
    # A qualifier that is a country: the place in that country.
    assert gazetteer.lookup("Hyderabad, Pakistan").country == "PAK"


def test_a_longer_name_falls_back_to_the_place_named_inside_it():
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Edinburgh Royal Infirmary").name == "Edinburgh"
    # Generic words ('University', a town in Florida) are no place inside a longer name.
    assert gazetteer.lookup("University of Manitoba").name == "Manitoba"
    assert gazetteer.lookup("Grand Hotel Ballroom") is None


def test_story_regions_choose_between_namesakes():
    gazetteer = load_gazetteer()
    regions = gazetteer.regions_in("Miss Jones met the mayor of Bangor, Maine, then drove on.")
    assert regions == frozenset({("USA", "ME")})
    assert gazetteer.regions_in("Storms hit Ohio and Kentucky.") == frozenset({("USA", "OH"), ("USA", "KY")})
    assert gazetteer.lookup("Portland", regions=frozenset({("USA", "ME")})).admin1 == "ME"


def test_a_metropolis_is_what_x_means_when_it_is_called_x_city():
    gazetteer = Gazetteer()
    area = GazEntry("Alderia", None, "USA", 40.0, -90.0, "ADM1", population=9_000_000, admin1="AL")
    metropolis = GazEntry("Alderia City", None, "USA", 41.0, -91.0, "PPL", population=3_000_000, admin1="AL")
    town = GazEntry("Alderia City", None, "CAN", 50.0, -100.0, "PPL", population=300_000)
    for entry in (area, metropolis, town):
        gazetteer.add(entry.name, entry)
    gazetteer.add("Alderia", metropolis)
    gazetteer.add("Alderia", town)
    assert gazetteer.lookup("Alderia") == metropolis
    gazetteer = Gazetteer()
    gazetteer.add("Alderia", area)
    gazetteer.add("Alderia", town)
    assert gazetteer.lookup("Alderia") == area  # a smaller 'X City' does not take the name


def test_small_towns_are_found_by_their_own_name():
    gazetteer = load_gazetteer()
    kirkwall = gazetteer.lookup("Kirkwall", frozenset({"GBR"}))  # under 10,000 people, in a British story
    assert kirkwall is not None and kirkwall.country == "GBR" and kirkwall.population < 15_000
    # Inside a longer name a village needs the story to be in its country.
    assert gazetteer.lookup("Kirkwall Grammar School", frozenset({"GBR"})) == kirkwall


def test_a_capital_is_what_its_name_means_over_a_namesake_area():
    gazetteer = Gazetteer()
    area = GazEntry("Ostrava", None, "USA", 40.0, -90.0, "ADM1", population=9_000_000, admin1="OS")
    capital = GazEntry("Ostrava", None, "CZE", 49.8, 18.3, "PPL", population=300_000, capital=True)
    village = GazEntry("Ostrava", None, "SVK", 48.0, 19.0, "PPL", population=20_000, capital=True)
    gazetteer.add("Ostrava", area)
    gazetteer.add("Ostrava", village)
    assert gazetteer.lookup("Ostrava") == area  # a small capital is no more than a town
    gazetteer.add("Ostrava", capital)
    assert gazetteer.lookup("Ostrava") == capital
    assert gazetteer.lookup("Ostrava", frozenset({"USA"})) == area
    # A name a capital shares says nothing of the story's region.
    gazetteer.add("Ostrava", area)
    assert gazetteer.regions_in("Ostrava said on Monday") == frozenset()


def test_demonyms_seas_regions_and_seats_of_government():
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Norwegian").country == "NOR"  # not a village called Norwegian
    assert gazetteer.lookup("Caspian Sea").feature == "SEA"
    assert abs(gazetteer.lookup("Baltic Sea").lat - 58) < 3
    assert gazetteer.lookup("Scandinavian").name == "Scandinavia"
    kremlin = gazetteer.lookup("the Kremlin")
    assert kremlin.country == "RUS" and abs(kremlin.lon - 37.6) < 0.1
    assert gazetteer.lookup("Élysée").country == "FRA"


def test_a_place_with_a_single_namesake_marks_its_region_for_the_others():
    gazetteer = load_gazetteer()
    regions = gazetteer.regions_of(["Kirkwall", "Portland", "France"])
    assert ("GBR", "SCT") in regions
    assert not any(country == "USA" for country, _ in regions)  # many Portlands: no region
    # The region then chooses between another name's namesakes.
    aberdeen = gazetteer.lookup("Aberdeen", regions=regions)
    assert aberdeen.country == "GBR"
    assert gazetteer.lookup("Aberdeen", regions=frozenset({("USA", "WA")})).admin1 == "WA"


def test_a_village_abroad_needs_the_story_to_point_there():
    from dateline.resolve.places import load_gazetteer

    gazetteer = load_gazetteer()
    villages = [e for e in gazetteer.candidates("Noel") if e.population < 15_000]
    assert villages, "the gazetteer has small towns called Noel"
    assert gazetteer.lookup("Noël", frozenset({"FRA"})) is None  # 'à Noël' in a story about France
    found = gazetteer.lookup("Noel", frozenset({villages[0].country}))
    assert found is not None and found.country == villages[0].country


def test_a_dateline_city_is_first_looked_for_in_the_agency_country():
    from dateline.pipeline import extract
    from dateline.sources import SourceDocument

    def dateline_country(text: str) -> str:
        return extract(SourceDocument(text=text), "fr").document.dateline.place.country

    story = " - Des agriculteurs ont bloqué le pont samedi matin pendant trois heures."
    assert dateline_country("BREST, 2 février 2025 (AFP)" + story) == "FRA"
    assert dateline_country("BREST, 2 février 2025 (BelTA)" + story) == "BLR"
