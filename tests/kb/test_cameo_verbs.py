"""The CAMEO verb dictionary importer, on a snippet written in PETRARCH2's format for this test."""

import datetime as dt
import tomllib

from dateline.kb.cameo_verbs import build, import_verbs, parse, plover_table
from dateline.lang.schema import Verbs

SNIPPET = """# an invented dictionary
####### SYNONYM SETS #######
&TRUCE
+TRUCE
+CEASE_FIRE

&UNUSED
+NOTHING

####### VERB PATTERNS #######
---  DECLARE   [010]  ---
DECLARE
PROCLAIM {PROCLAIMS PROCLAIMED}
MUMBLE [012]
- * &TRUCE                                  [0871]     # DECLARE
- * STATE (OF EMERGENCY)                    [1724]     # DECLARE
- * (TO +) (FOR SUPPORT)                    [051]      # DECLARE
- LEADERS * VICTORY                         [013]      # DECLARE
- * (IN JEST)                               [---]      # DECLARE

---  SCOLD   [111]  ---
SCOLD # a comment
WARN [130]
+TELL_OFF {+TOLD_OFF}
"""

TABLE = """# CAMEO to PLOVER
0871: RETREAT, ceasefire, military # Declare truce
1724: COERCE, martial-law, pro_autocracy # Impose state of emergency
051: SUPPORT,  , diplomatic # Praise
111: ACCUSE, disapprove, # Criticize
130: THREATEN,  ,  # Threaten
"""

SELECTION = {
    "select": [
        {"block": "DECLARE", "verbs": ["declare", "proclaim"], "codes": ["0871", "1724", "051", "013"],
         "bare": False, "patterns": True, "coder": "happening", "options": {"actor_sector": "GOV"}},
        {"block": "SCOLD", "codes": ["111", "130"], "coder": "predicate", "recipient": "obj",
         "options": {"needs_recipient": True}},
    ],
    "override": [{"code": "0871", "event": "CONCEDE", "reason": "a declared truce is CONCEDE"}],
    "exclude": [{"lemmas": ["warn"], "reason": "no threat"}],
}
MODES = {"RETREAT": ["ceasefire"], "COERCE": ["martial-law"], "SUPPORT": [], "ACCUSE": ["disapprove"],
         "THREATEN": [], "CONCEDE": []}


def test_parse_sets_verbs_codes_and_patterns():
    parsed = parse(SNIPPET)
    assert parsed.sets["TRUCE"] == ["truce", "cease fire"]
    block = parsed.blocks["DECLARE"]
    assert block.verbs == {"declare": "010", "proclaim": "010", "mumble": "012"}  # irregular forms dropped
    assert [p.code for p in block.patterns] == ["0871", "1724", "051", "013", None]
    assert block.patterns[1].after == ["STATE"] and block.patterns[1].preps == [("of", ["EMERGENCY"])]
    assert block.patterns[3].before == ["LEADERS"]
    assert parsed.blocks["SCOLD"].phrasal == ["tell off"]
    assert plover_table(TABLE)["0871"] == ("RETREAT", "ceasefire")


def test_build_selects_overrides_and_turns_patterns_into_slots():
    built = build(parse(SNIPPET), plover_table(TABLE), SELECTION, MODES)
    by_code = {(e["block"], e["cameo"]): e for e in built["verbs"]}
    truce = by_code["DECLARE", "0871"]
    assert truce["event"] == "CONCEDE" and "mode" not in truce and truce["source"].startswith("override")
    assert truce["lemmas"] == ["declare", "proclaim"] and truce["objects"] == ["&truce"]
    assert truce["exclude"] == ["jest"]  # from the [---] pattern
    emergency = by_code["DECLARE", "1724"]
    assert (emergency["event"], emergency["mode"]) == ("COERCE", "martial-law")
    assert emergency["objects"] == ["state"] and emergency["preps"] == {"of": ["emergency"]}
    praise = by_code["DECLARE", "051"]
    assert praise["recipient"] == "to" and praise["preps"] == {"to": [], "for": ["support"]}
    assert ("DECLARE", "013") not in by_code  # a subject word: not read by the coder
    assert built["skipped_patterns"] == 1
    scold = by_code["SCOLD", "111"]
    assert scold["lemmas"] == ["scold"] and scold["recipient"] == "obj"  # 'warn' excluded
    assert ("SCOLD", "130") not in by_code
    assert built["sets"] == {"truce": ["cease fire", "truce"]}  # only the sets used, once


def test_import_writes_a_valid_versioned_lexicon(tmp_path):
    cameo, table, selection = tmp_path / "CAMEO.txt", tmp_path / "C2P.txt", tmp_path / "selection.toml"
    cameo.write_text(SNIPPET)
    table.write_text(TABLE)
    selection.write_text('[[select]]\nblock = "DECLARE"\nverbs = ["declare"]\ncodes = ["0871"]\nbare = false\n'
                         'patterns = true\ncoder = "happening"\nrecipient = "country"\n'
                         '[[override]]\ncode = "0871"\nevent = "CONCEDE"\nreason = "declared"\n')
    target = tmp_path / "verbs.toml"
    data = import_verbs(cameo, table, target, selection=selection, modes=MODES, today=dt.date(2030, 1, 2))
    assert data["provenance"]["date"] == "2030-01-02" and len(data["provenance"]["inputs"]) == 3
    raw = tomllib.loads(target.read_text())
    assert raw["sets"] == {"truce": ["cease fire", "truce"]}
    raw["verbs"][0]["objects"] = ["truce", "cease fire"]  # what expanding '&truce' gives on load
    raw.pop("sets")
    verbs = Verbs.model_validate(raw)
    entry = verbs.verbs[0].compiled()
    assert entry.event == "CONCEDE" and entry.direct_objects and entry.recipient == "country"
    assert entry.lemmas == {"declare"}
