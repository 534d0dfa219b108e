"""The Phoenix (TABARI) dictionary importer, on a sample written in that format for this test."""

import gzip
import json

from dateline.kb.phoenix import import_people, parse, people

SAMPLE = """# a comment
RURITANIA_  [RUR]
+RURITANIAN_
OLGA_EXEMPLOVA_  # CountryInfo.txt
+OLGA_P._EXEMPLOVA_
+FOREIGN_MINISTER_EXEMPLOVA
\t[RURGOV 950101-991231] # deputy
\t[RURGOV >20040309]  # Foreign Minister
REBEL_FRONT_
\t[RURREB]
"""


def test_parse_headlines_aliases_and_dated_codes(tmp_path):
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(SAMPLE)
    entries = list(parse(path))
    assert [e["name"] for e in entries] == ["RURITANIA", "OLGA EXEMPLOVA", "REBEL FRONT"]
    assert entries[1]["aliases"] == ["OLGA P. EXEMPLOVA", "FOREIGN MINISTER EXEMPLOVA"]
    (person,) = people(tmp_path)  # only dated codes make a person
    assert person["name"] == "Olga Exemplova"
    assert person["positions"] == [
        {"code": "RURGOV", "country": "RUR", "sector": "GOV", "start": "1995-01-01", "end": "1999-12-31"},
        {"code": "RURGOV", "country": "RUR", "sector": "GOV", "start": "2004-03-09", "end": None},
    ]
    target = tmp_path / "out.json.gz"
    assert import_people(tmp_path, target) == 1
    with gzip.open(target, "rt") as handle:
        assert json.load(handle)["people"][0]["id"] == "phoenix:olga-exemplova"
