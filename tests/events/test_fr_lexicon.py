"""The French event lexicon (lang/fr/events.toml) on sentences written for these tests: one or two
entries of each class, with their type, mode and parties, and senses that must not code."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract
from dateline.sources import SourceDocument


def events(text: str) -> list:
    return extract(SourceDocument(text=text), "fr").events


def coded(text: str) -> set[tuple]:
    """(type, mode, actor countries, actor sectors, recipient countries) of every event."""
    return {(e.event, e.mode, tuple(sorted({a.country or "" for a in e.actor})),
             tuple(sorted({a.sector for a in e.actor if a.sector})),
             tuple(sorted({r.country or "" for r in e.recipient}))) for e in events(text)}


def types(text: str) -> set[tuple[str, str | None]]:
    return {(e.event, e.mode) for e in events(text)}


@pytest.mark.parametrize(("text", "expected"), [
    # concessions
    ("ROME, 4 juin 2024 (AFP) - Le gouvernement italien a levé jeudi l'état d'urgence dans les Pouilles.",
     ("CONCEDE", None, ("ITA",), ("GOV",), ("ITA",))),
    ("GENÈVE, 4 juin 2024 (AFP) - La radio publique suisse s'est excusée jeudi pour une erreur de traduction.",
     ("CONCEDE", None, ("CHE",), (), ("CHE",))),
    ("MADRID, 4 juin 2024 (AFP) - Le tribunal de Cadix a acquitté jeudi l'ancien maire espagnol.",
     ("CONCEDE", None, ("ESP",), ("JUD",), ("ESP",))),
    ("BRUXELLES, 4 juin 2024 (Belga) - Le ministre belge de la Mobilité a démissionné jeudi.",
     ("RETREAT", "resign", ("BEL",), ("GOV",), ("BEL",))),
    # coercion
    ("QUITO, 4 juin 2024 (AFP) - Le président équatorien a décrété jeudi l'état d'urgence dans deux provinces.",
     ("COERCE", "martial-law", ("ECU",), (), ())),
    ("TUNIS, 4 juin 2024 (AFP) - Les autorités tunisiennes ont expulsé une trentaine de migrants jeudi.",
     ("COERCE", "deport", ("TUN",), ("GOV",), ("TUN",))),
    ("RABAT, 4 juin 2024 (AFP) - Le gouvernement marocain a censuré jeudi un hebdomadaire satirique.",
     ("COERCE", "censor", ("MAR",), ("GOV",), ())),
    # assaults
    ("ABUJA, 4 juin 2024 (AFP) - Des hommes armés ont abattu jeudi deux gardes forestiers nigérians près de Jos.",
     ("ASSAULT", None, ("NGA",), ("CVL",), ("NGA",))),
    ("ALGER, 4 juin 2024 (AFP) - Des inconnus ont enlevé jeudi un journaliste algérien à Oran.",
     ("ASSAULT", "abduct", ("",), (), ("DZA",))),
    # diplomacy
    ("LISBONNE, 4 juin 2024 (AFP) - Le Portugal a expulsé jeudi deux diplomates biélorusses.",
     ("SANCTION", "expel", ("PRT",), (), ("BLR",))),
    ("DAKAR, 4 juin 2024 (AFP) - Le Sénégal a rompu ses relations diplomatiques avec la Gambie jeudi.",
     ("SANCTION", "discontinue", ("SEN",), (), ("GMB",))),
    ("DAKAR, 4 juin 2024 (AFP) - Le ministre sénégalais des Affaires étrangères s'est rendu jeudi en Mauritanie.",
     ("CONSULT", "visit", ("SEN",), ("GOV",), ("MRT",))),
    # requests: "réclame" is lemmatised as a noun form
    ("LIMA, 4 juin 2024 (AFP) - Le syndicat péruvien des mineurs réclame la démission du ministre.",
     ("REQUEST", "change", ("PER",), ("LAB",), ())),
])
def test_entry_codes_type_mode_and_parties(text, expected):
    assert expected in coded(text)


def test_curfew_and_its_lifting():
    assert ("COERCE", "curfew") in types("NANTES, 4 juin 2024 (AFP) - Le préfet a décrété jeudi un couvre-feu à Nantes.")
    assert ("CONCEDE", None) in types("NANTES, 9 juin 2024 (AFP) - Le préfet a annoncé lundi la levée du couvre-feu.")


def test_investigation_opened_by_prosecutors():
    found = coded("LYON, 4 juin 2024 (AFP) - Le parquet de Grenoble a ouvert jeudi une enquête pour violences.")
    assert ("ACCUSE", "investigate", ("FRA",), ("JUD",), ("FRA",)) in found


def test_senses_that_must_not_code():
    # a traffic death is no assault, a journalist citing a court is no prosecution, "mettre fin" is no veto
    assert events("DAKAR, 4 juin 2024 (AFP) - Un accident de la route a tué trois personnes jeudi près de Thiès.") == []
    assert not any(e.event == "REJECT" for e in events(
        "DAKAR, 4 juin 2024 (AFP) - Le Sénégal et la Gambie ont mis fin jeudi à leur différend frontalier."))
    # injuries counted in the passive are not a new assault
    assert not any(e.event == "ASSAULT" for e in events(
        "LILLE, 4 juin 2024 (AFP) - Quatre personnes ont été blessées jeudi à Lille."))
    # expelling a diplomat is SANCTION, not a deportation
    assert ("COERCE", "deport") not in types(
        "LISBONNE, 4 juin 2024 (AFP) - Le Portugal a expulsé jeudi deux diplomates biélorusses.")


@pytest.mark.parametrize(("text", "expected"), [
    ("VARSOVIE, 4 juin 2024 (PAP) - Le président polonais s'est vivement attaqué à l'Allemagne jeudi.",
     ("ACCUSE", "disapprove", ("POL",), (), ("DEU",))),
    ("OSLO, 4 juin 2024 (AFP) - Le Premier ministre norvégien a rendu hommage à la Suède jeudi.",
     ("SUPPORT", None, ("NOR",), ("GOV",), ("SWE",))),
    ("WASHINGTON, 4 juin 2024 (AFP) - Les États-Unis ont opposé leur veto à la résolution jeudi.",
     ("REJECT", None, ("USA",), (), ())),
    ("DOHA, 4 juin 2024 (AFP) - Le Qatar a offert sa médiation au Soudan jeudi.",
     ("AGREE", None, ("QAT",), (), ("SDN",))),
    ("NANTES, 4 juin 2024 (AFP) - Des peines de prison ferme ont été prononcées jeudi contre quatre militants.",
     ("SANCTION", "convict", ("FRA",), ("JUD",), ("FRA",))),
    ("PARIS, 4 juin 2024 (AFP) - Le gouvernement a dissous jeudi un groupuscule d'ultradroite.",
     ("COERCE", "restrict", ("FRA",), ("GOV",), ())),
    ("RABAT, 4 juin 2024 (AFP) - Une centaine de détenus ont entamé une grève de la faim jeudi à Rabat.",
     ("PROTEST", "hunger", ("MAR",), ("CVL",), ("MAR",))),
    ("ATHÈNES, 4 juin 2024 (AFP) - Le gouvernement grec a assigné à résidence l'ancien ministre jeudi.",
     ("COERCE", "arrest", ("GRC",), ("GOV",), ("GRC",))),
])
def test_frames_of_light_verbs_and_nouns(text, expected):
    assert expected in coded(text)


def test_a_parliament_dissolved_is_no_coercion():
    assert events("PARIS, 4 juin 2024 (AFP) - Le président a dissous l'Assemblée nationale jeudi.") == []


def test_demanding_a_resignation_asks_for_a_change():
    found = events("LIMA, 4 juin 2024 (AFP) - Le syndicat péruvien des mineurs réclame la démission du ministre.")
    assert [(e.event, e.mode) for e in found] == [("REQUEST", "change")]


@pytest.mark.parametrize(("text", "expected"), [
    ("SANAA, 4 juin 2024 (AFP) - Une frappe aérienne a tué douze civils jeudi près de Saada.", ("ASSAULT", "aerial")),
    ("SANAA, 4 juin 2024 (AFP) - Une attaque de drone a visé jeudi un poste militaire près de Marib.",
     ("ASSAULT", "drone")),
    ("KABOUL, 4 juin 2024 (AFP) - Un attentat à la voiture piégée a frappé jeudi le centre de Kaboul.",
     ("ASSAULT", "explosives")),
    ("MINSK, 4 juin 2024 (AFP) - La Biélorussie a déployé des missiles à la frontière polonaise.",
     ("MOBILIZE", "weapons")),
    ("MANILLE, 4 juin 2024 (AFP) - Des policiers philippins ont torturé deux suspects.", ("ASSAULT", "torture")),
    ("ANKARA, 4 juin 2024 (AFP) - La Turquie a appelé la Syrie à un cessez-le-feu.", ("REQUEST", "yield")),
    ("KHARTOUM, 4 juin 2024 (AFP) - Le Soudan et le Tchad sont parvenus à un accord.", ("AGREE", None)),
    ("ANKARA, 4 juin 2024 (AFP) - La justice turque a inculpé trois opposants.", ("ACCUSE", "allege")),
])
def test_the_weapon_or_the_frame_gives_the_mode(text, expected):
    assert expected in types(text)


def test_a_violated_ceasefire_is_no_rape():
    assert ("ASSAULT", "sexual") not in types("MANILLE, 4 juin 2024 (AFP) - Les rebelles ont violé le cessez-le-feu.")


def test_the_subject_undergoes_it():
    shot = coded("LYON, 4 juin 2024 (AFP) - Deux gendarmes ont essuyé des coups de feu samedi près de Lyon.")
    assert any(e[0] == "ASSAULT" and e[1] == "firearms" and e[4] == ("FRA",) for e in shot)
    sentenced = coded("LYON, 4 juin 2024 (AFP) - Le militant a écopé de six mois de prison ferme.")
    assert ("SANCTION", "convict", ("FRA",), ("JUD",), ("FRA",)) in sentenced


@pytest.mark.parametrize(("text", "expected"), [
    ("MANILLE, 4 juin 2024 (AFP) - Les ravisseurs ont libéré deux otages allemands samedi.", ("RETREAT", "release")),
    ("MANILLE, 4 juin 2024 (AFP) - Le Vietnam a décliné l'invitation de la Chine.", ("REJECT", None)),
    ("MANILLE, 4 juin 2024 (AFP) - Le Vietnam et la Chine se sont mis d'accord sur un calendrier.", ("AGREE", None)),
    ("MANILLE, 4 juin 2024 (AFP) - L'armée philippine a été placée en état d'alerte.", ("MOBILIZE", "troops")),
    ("MANILLE, 4 juin 2024 (AFP) - Le gouvernement philippin a fermé la frontière avec la Malaisie.",
     ("COERCE", "restrict")),
    ("MANILLE, 4 juin 2024 (AFP) - Le gouvernement philippin a cédé face aux syndicats.", ("CONCEDE", None)),
])
def test_release_refusal_alert_and_concession(text, expected):
    assert expected in types(text)


def test_funds_released_are_no_release_of_people():
    assert events("MANILLE, 4 juin 2024 (AFP) - Le gouvernement a libéré des fonds pour les sinistrés.") == []


def test_a_lifting_told_by_its_noun():
    text = ("ROME, 4 juin 2024 (AFP) - La levée de l'état d'urgence, décidée par le gouvernement italien, "
            "est entrée en vigueur jeudi.")
    assert ("CONCEDE", None, ("ITA",), ("GOV",), ("ITA",)) in coded(text)


def test_a_partitive_object_after_a_weekday():
    # the parser reads "mardi des renforts" as a date and a prepositional phrase
    found = coded("RABAT, 4 juin 2024 (AFP) - Le Maroc a déployé mardi des renforts à la frontière.")
    assert any(e[:2] == ("MOBILIZE", "police") and e[2] == ("MAR",) for e in found)


def test_killings_need_a_killer_named_in_the_clause():
    by = coded("BAMAKO, 4 juin 2024 (AFP) - Trois soldats maliens ont été tués par des jihadistes près de Gao.")
    assert ("ASSAULT", None, ("MLI",), ("REB",), ("MLI",)) in by
    assert not any(e.event == "ASSAULT" for e in events(
        "BAMAKO, 4 juin 2024 (AFP) - Trois personnes ont été tuées près de Gao."))


def test_un_nom_de_jugement_cite_est_accuse_disapprove():
    text = ("VARSOVIE, 4 mars 2024 (AFP) - « C'est une honte », a déclaré mardi le ministre polonais des Affaires "
            "étrangères Jan Nowak.")
    assert {c[:4] for c in coded(text)} == {("ACCUSE", "disapprove", ("POL",), ("GOV",))}
    told = "VARSOVIE, 4 mars 2024 (AFP) - Le scandale a contraint le ministre polonais Jan Nowak à démissionner."
    assert not {t for t in types(told) if t[0] == "ACCUSE"}


def test_des_accusations_dites_infondees_sont_reject():
    text = "VARSOVIE, 4 mars 2024 (AFP) - Le ministre polonais Jan Nowak a jugé ces accusations « infondées »."
    assert {c[:4] for c in coded(text)} == {("REJECT", None, ("POL",), ("GOV",))}
    irresponsable = "VARSOVIE, 4 mars 2024 (AFP) - « C'est irresponsable », a déclaré le ministre polonais Jan Nowak."
    assert {c[:2] for c in coded(irresponsable)} == {("ACCUSE", "disapprove")}


def test_un_verdict_de_culpabilite_est_sanction_convict():
    text = "DAKAR, 3 mai 2022 (AFP) - L'ancien ministre Moussa Diop a été reconnu coupable de détournement de fonds mardi."
    assert coded(text) == {("SANCTION", "convict", ("SEN",), ("JUD",), ("SEN",))}
    court = "DAKAR, 3 mai 2022 (AFP) - Le tribunal de Dakar a déclaré coupables trois anciens ministres sénégalais."
    assert types(court) == {("SANCTION", "convict")}
    said = "DAKAR, 3 mai 2022 (AFP) - Le ministre a reconnu que la situation était difficile."
    assert types(said) == set()
