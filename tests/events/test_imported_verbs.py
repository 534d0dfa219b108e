"""English verbs imported from PETRARCH2's CAMEO dictionary (`lang/en/verbs.toml`), coded by the
same happening and predicate coders as `events.toml`'s entries, on invented stories."""

from __future__ import annotations

from dateline.events.lexicon import event_lexicon
from dateline.lang import load_language
from tests.events.stories import coded


def test_a_killing_by_a_group_is_assault():
    text = "LAGOS, March 3, 2021 (Reuters) - Nigerian troops killed 20 insurgents near Maiduguri on Tuesday."
    assert coded(text) == [("ASSAULT", None, [("NGA", "MIL")], [("NGA", "REB")])]
    gunmen = "LAGOS, March 3, 2021 (Reuters) - Gunmen killed three police officers in Kaduna on Tuesday."
    assert [(e[0], e[3]) for e in coded(gunmen)] == [("ASSAULT", [("NGA", "COP")])]


def test_a_toll_is_not_a_killing_of_its_own():
    flood = "DHAKA, March 3, 2021 (Reuters) - A flood killed 20 villagers near Sylhet on Tuesday."
    assert coded(flood) == []
    crash = "DHAKA, March 3, 2021 (Reuters) - A bus crashed near Sylhet on Tuesday, killing 12 passengers."
    assert coded(crash) == []


def test_an_abduction_is_assault_abduct():
    text = "BAMAKO, March 3, 2021 (Reuters) - Islamist militants kidnapped two Malian soldiers near Gao on Monday."
    assert [(e[0], e[1]) for e in coded(text)] == [("ASSAULT", "abduct")]


def test_an_acquittal_is_concede_by_the_court():
    text = "NAIROBI, March 3, 2021 (Reuters) - A court in Mombasa acquitted the opposition leader Peter Kamau on Tuesday."
    assert coded(text) == [("CONCEDE", None, [("KEN", "JUD")], [("KEN", "OPP")])]


def test_an_apology_is_concede():
    text = "OSLO, March 3, 2021 (Reuters) - Norwegian Prime Minister Erna Solberg apologised on Monday for the delays."
    assert coded(text) == [("CONCEDE", None, [("NOR", "GOV")], [])]


def test_a_declared_ceasefire_is_concede_not_retreat():
    text = ("MANILA, March 3, 2021 (Reuters) - The Philippine government declared a unilateral ceasefire "
            "with the rebels on Monday.")
    assert [e[0] for e in coded(text)] == ["CONCEDE"]


def test_a_ceasefire_only_mentioned_is_no_concession():
    text = "OSLO, March 3, 2021 (Reuters) - Norway's foreign minister said the truce declared by the rebels was fragile."
    assert coded(text) == []


def test_resigning_is_retreat_resign():
    resigned = "BOGOTA, March 3, 2021 (Reuters) - Colombia's defence minister resigned on Friday."
    assert coded(resigned) == [("RETREAT", "resign", [("COL", "GOV")], [])]
    walked = "RABAT, March 3, 2021 (Reuters) - The Moroccan interior minister stepped into the room on Tuesday."
    assert coded(walked) == []


def test_ordering_an_investigation_is_accuse_investigate():
    text = ("LIMA, March 3, 2021 (Reuters) - Peruvian President Francisco Sagasti ordered an investigation "
            "into the deaths on Sunday.")
    assert coded(text) == [("ACCUSE", "investigate", [("PER", "GOV")], [("PER", None)])]


def test_prosecutors_investigating_is_accuse_investigate():
    text = "CAIRO, March 3, 2021 (Reuters) - Egyptian prosecutors are investigating the deaths of three workers."
    assert coded(text) == [("ACCUSE", "investigate", [("EGY", "JUD")], [("EGY", None)])]


def test_emergency_rule_declared_is_coerce_and_lifted_is_concede():
    declared = "BANGKOK, March 3, 2021 (Reuters) - Thailand's government declared a state of emergency in Bangkok."
    assert coded(declared) == [("COERCE", "martial-law", [("THA", "GOV")], [("THA", None)])]
    lifted = "QUITO, March 3, 2021 (Reuters) - Ecuador's government lifted the state of emergency in Guayaquil."
    assert coded(lifted) == [("CONCEDE", None, [("ECU", "GOV")], [("ECU", None)])]
    curfew = "SANTIAGO, March 3, 2021 (Reuters) - Chile imposed a curfew in Valparaiso on Saturday."
    assert [e[:2] for e in coded(curfew)] == [("COERCE", "curfew")]


def test_an_appeal_is_a_request():
    text = "ACCRA, March 3, 2021 (Reuters) - The Ghanaian opposition party appealed to the electoral commission."
    assert [e[0] for e in coded(text)] == ["REQUEST"]


def test_thanking_a_country_is_support():
    text = "HANOI, March 3, 2021 (Reuters) - Vietnam's foreign minister thanked Japan for its help on Monday."
    assert coded(text) == [("SUPPORT", None, [("VNM", "GOV")], [("JPN", None)])]


def test_unnamed_elders_thanking_the_army_is_support_placed_in_the_story():
    text = "PESHAWAR, March 3, 2021 (Reuters) - The tribal elders thanked the Pakistan Army for restoring peace."
    assert coded(text) == [("SUPPORT", None, [("PAK", None)], [("PAK", "MIL")])]


def test_an_ambassador_recalled_is_sanction_withdraw():
    text = "ROME, March 3, 2021 (Reuters) - Spain has recalled its ambassador from Argentina for consultations."
    assert coded(text) == [("SANCTION", "withdraw", [("ESP", None)], [("ARG", None)])]
    remembered = "ROME, March 3, 2021 (Reuters) - The minister recalled his visit to Argentina."
    assert coded(remembered) == []


def test_an_appeal_the_request_coder_types_is_coded_once():
    typed = "KUALA LUMPUR, March 3, 2021 (Reuters) - Malaysia appealed to Indonesia for help on Monday."
    assert coded(typed) == [("REQUEST", "assist", [("MYS", None)], [("IDN", None)])]
    untyped = "KUALA LUMPUR, March 3, 2021 (Reuters) - Malaysia appealed to Indonesia on Monday."
    assert coded(untyped) == [("REQUEST", None, [("MYS", None)], [("IDN", None)])]


def test_a_rebuke_is_accuse_disapprove():
    text = "BERLIN, March 3, 2021 (Reuters) - Austria sharply rebuked Hungary on Monday over its new media law."
    assert coded(text) == [("ACCUSE", "disapprove", [("AUT", None)], [("HUN", None)])]


def test_warn_is_not_imported_and_hand_written_entries_win():
    lexicon = event_lexicon(load_language("en"))
    assert "warn" not in lexicon.predicates and ("VERB", "warn") not in lexicon.happenings
    # 'thank' comes only from the import; 'praise' (SUPPORT) is hand-written and not imported twice
    assert [h.event for h in lexicon.happenings["VERB", "thank"]] == ["SUPPORT"]
    assert len([p for p in lexicon.predicates.get("praise", []) if p.event == "SUPPORT"]) == 1
