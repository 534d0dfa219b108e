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


def _towns() -> tuple[Gazetteer, dict[str, GazEntry]]:
    gazetteer = Gazetteer()
    entries = {
        "Calderwick": GazEntry("Calderwick", None, "USA", 40.0, -100.0, "PPL", 50_000, admin1="KS"),
        "Ostley": GazEntry("Ostley", None, "USA", 35.0, -90.0, "PPL", 20_000, admin1="TN"),
        "Ruritania": GazEntry("Ruritania", None, "RUR", 10.0, 10.0, "PCLI", 5_000_000),
    }
    for name, entry in entries.items():
        gazetteer.add(name, entry)
    return gazetteer, entries


def test_a_facility_the_gazetteer_lacks_is_at_the_city_its_story_names():
    gazetteer, towns = _towns()
    text = ("Protesters marched through Calderwick on Monday. Doctors at Fenmoor General Hospital in "
            "Ostley treated two of them. Calderwick police made arrests.")
    names = [(text.index("Calderwick"), "Calderwick"), (text.index("Ostley"), "Ostley"),
             (text.rindex("Calderwick"), "Calderwick"), (text.index("Fenmoor"), "Fenmoor General Hospital")]
    story = gazetteer.story(text, names)
    at = text.index("Fenmoor")
    hospital = gazetteer.lookup("Fenmoor General Hospital", story=story, at=at)
    # its own sentence's city, not the city the story names most
    assert (hospital.lat, hospital.lon, hospital.country) == (35.0, -90.0, "USA")
    assert hospital.feature == "HSP" and "Ostley" in hospital.reason
    # without a sentence to go by, the city the story names most
    assert gazetteer.lookup("Fenmoor General Hospital", story=story).lat == 40.0
    # the dateline's city before the one named most
    datelined = gazetteer.story(text, names, dateline=towns["Ostley"])
    assert gazetteer.lookup("Fenmoor Stadium", story=datelined).lat == 35.0
    # never without the story, never without a facility noun, never for a name the gazetteer has
    assert gazetteer.lookup("Fenmoor General Hospital") is None
    assert gazetteer.lookup("Fenmoor Ridge", story=story, at=at) is None
    assert gazetteer.lookup("Ostley", story=story, at=at) == towns["Ostley"]
    park = GazEntry("Ostley Park", None, "USA", 36.0, -91.0, "PPL", 16_000, admin1="TN")
    gazetteer.add("Ostley Park", park)
    assert gazetteer.lookup("Ostley Park", story=story, at=at) == park
    # a country in the name is whose the building is, not where it is
    embassy = gazetteer.lookup("Embassy of Ruritania", story=story, at=at)
    assert embassy.country == "USA" and embassy.feature != "PCLI"
    assert gazetteer.lookup("Embassy of Ruritania") == towns["Ruritania"]
    # French nouns too
    assert gazetteer.lookup("Hôpital Sainte-Odile", story=story, at=at).feature == "HSP"
    assert gazetteer.lookup("l'aéroport de Brimont", story=story, at=at).feature == "AIRP"


def test_a_facility_keeps_a_town_in_its_name_of_the_story_country():
    gazetteer, towns = _towns()
    text = "Staff of the Ostley Clinic met in Calderwick."
    story = gazetteer.story(text, [(text.index("Calderwick"), "Calderwick")])
    assert gazetteer.lookup("Ostley Clinic", frozenset({"USA"}), story=story, at=4) == towns["Ostley"]
    abroad = GazEntry("Calderwick", None, "GBR", 52.0, -1.0, "PPL", 90_000, admin1="ENG")
    british = Gazetteer()
    british.add("Ostley", towns["Ostley"])
    british.add("Calderwick", abroad)
    story = british.story(text, [(text.index("Calderwick"), "Calderwick")])
    clinic = british.lookup("Ostley Clinic", frozenset({"USA"}) | frozenset({"GBR"}), story=story, at=4)
    assert clinic.country == "GBR" and clinic.feature == "HSP"  # the story is abroad: its city


def test_a_us_county_is_the_county_in_the_story_state_not_a_namesake_town():
    gazetteer = load_gazetteer()
    # Chautauqua County is in New York and in Kansas: the story's state decides.
    assert gazetteer.lookup("Chautauqua County", regions=frozenset({("USA", "KS")})).admin1 == "KS"
    county = gazetteer.lookup("Chautauqua County", regions=frozenset({("USA", "NY")}))
    assert (county.admin1, county.feature) == ("NY", "ADM2")
    # Tazewell County (Illinois, Virginia) is no town called Tazewell elsewhere; in Virginia it
    # is where the town of its name is, the data having no county positions.
    tazewell = gazetteer.lookup("Tazewell County", regions=frozenset({("USA", "VA")}))
    town = [e for e in gazetteer.candidates("Tazewell") if e.admin1 == "VA" and e.feature == "PPL"]
    assert tazewell.feature == "ADM2" and (tazewell.lat, tazewell.lon) == (town[0].lat, town[0].lon)
    # With the story, the city it names in the county's state stands for the county.
    text = "Flooding closed roads in Peoria on Tuesday, and Tazewell County declared an emergency."
    story = gazetteer.story(text, [(text.index("Peoria"), "Peoria")], regions=frozenset({("USA", "IL")}))
    peoria = [e for _, e in story.places][0]
    assert peoria.admin1 == "IL"
    found = gazetteer.lookup("Tazewell County", story=story, at=text.index("Tazewell"))
    assert (found.admin1, found.lat, found.lon) == ("IL", peoria.lat, peoria.lon)
    assert "Peoria" in found.reason
    assert gazetteer.lookup("Orleans Parish").admin1 == "LA"


def test_a_much_larger_city_is_what_an_unqualified_name_means():
    gazetteer = Gazetteer()
    big = GazEntry("Tarnowo", None, "POL", 50.0, 20.0, "PPL", population=700_000, admin1="12")
    small = GazEntry("Tarnowo", None, "USA", 40.0, -82.0, "PPL", population=8_000, admin1="OH")
    gazetteer.add("Tarnowo", big)
    gazetteer.add("Tarnowo", small)
    # The story names Ohio: still the city eighty times larger.
    assert gazetteer.lookup("Tarnowo", frozenset({"USA"}), frozenset({("USA", "OH")})) == big
    twin = GazEntry("Lindau", None, "DEU", 47.5, 9.7, "PPL", population=120_000, admin1="02")
    local = GazEntry("Lindau", None, "USA", 41.0, -80.0, "PPL", population=30_000, admin1="PA")
    gazetteer.add("Lindau", twin)
    gazetteer.add("Lindau", local)
    # Four times larger is not enough to overrule the story's own region.
    assert gazetteer.lookup("Lindau", frozenset({"USA"}), frozenset({("USA", "PA")})) == local


def test_a_contracted_article_belongs_to_the_place_name():
    from dateline.pipeline import extract
    from dateline.sources import SourceDocument

    text = "PARIS, 6 avril 2025 (AFP) - Une réunion s'est tenue samedi au Havre, en présence du maire."
    places = [e.place for e in extract(SourceDocument(text=text), "fr").entities if "Havre" in e.text]
    assert places and places[0] is not None and (places[0].name, places[0].country) == ("Le Havre", "FRA")


def test_a_short_word_names_a_state_only_when_written_as_an_abbreviation():
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Ça") is None  # French "that", not California's postal code
    assert gazetteer.lookup("Ca") is None
    assert gazetteer.lookup("CA").name == "California"
    assert gazetteer.lookup("Pa.").name == "Pennsylvania"


def test_an_acronym_names_no_town_whose_airport_code_it_is():
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("LBD") is None  # a riot-control weapon, also Khujand's airport code
    assert gazetteer.lookup("NYC").name == "New York City"
    assert gazetteer.lookup("UAE").country == "ARE"


def test_french_departements_belgian_provinces_and_swiss_cantons_are_areas_of_their_country():
    gazetteer = load_gazetteer()
    for name, country in (("Var", "FRA"), ("Gironde", "FRA"), ("Seine-Saint-Denis", "FRA"), ("Hainaut", "BEL"),
                          ("Valais", "CHE")):
        entry = gazetteer.lookup(name, frozenset({"BEL"}))  # a Brussels dateline, say
        assert entry is not None and entry.country == country and entry.feature == "ADM1", name
