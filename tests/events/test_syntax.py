"""Tree readers on hand-built parses (no model loaded): passives, agents, governors, logical
subjects, speakers of quotations, and the main-verb accusation the old head chain dropped."""

from __future__ import annotations

from dateline.events import ground
from dateline.events.clause import logical_subject, partitive_arguments, speech_subject
from dateline.events.syntax import agent, head_chain, inside_quotes, is_passive, prep_of, with_prep
from dateline.lang import load_language
from tests.events.trees import context, tree

FR = load_language("fr")
EN = load_language("en")
PART = "Tense=Past|VerbForm=Part"


def test_the_root_has_no_governor_and_a_leaf_reaches_the_root_once():
    doc = tree([("Marie", 2, "nsubj", "PROPN"), ("a", 2, "aux:tense", "AUX", "avoir"),
                ("accusé", 2, "ROOT", "VERB", "accuser", PART), ("Paul", 2, "obj", "PROPN")])
    assert list(head_chain(doc[2])) == []
    assert [t.i for t in head_chain(doc[0])] == [2]


def test_a_passive_with_its_agent():
    doc = tree([("Paul", 3, "nsubj:pass", "PROPN"), ("a", 3, "aux:tense", "AUX", "avoir"),
                ("été", 3, "aux:pass", "AUX", "être"), ("arrêté", 3, "ROOT", "VERB", "arrêter", PART),
                ("par", 6, "case", "ADP"), ("la", 6, "det", "DET"), ("police", 3, "obl:agent", "NOUN")])
    assert is_passive(doc[3], FR.grammar)
    assert agent(doc[3], FR.grammar).text == "police"


def test_avoir_makes_a_verb_active_whatever_the_subject_label():
    doc = tree([("Des", 1, "det", "DET"), ("milliers", 3, "nsubj:pass", "NOUN"),
                ("ont", 3, "aux:tense", "AUX", "avoir"), ("bloqué", 3, "ROOT", "VERB", "bloquer", PART),
                ("la", 5, "det", "DET"), ("route", 3, "obj", "NOUN")])
    assert not is_passive(doc[3], FR.grammar)


def test_a_pronominal_verb_is_no_passive():
    doc = tree([("Les", 1, "det", "DET"), ("gens", 4, "nsubj:pass", "NOUN"), ("se", 4, "expl:comp", "PRON"),
                ("sont", 4, "aux:tense", "AUX", "être"), ("mobilisés", 4, "ROOT", "VERB", "mobiliser", PART)])
    assert not is_passive(doc[4], FR.grammar)


def test_an_english_participle_shares_its_conjunct_passive_but_a_gerund_does_not():
    def sentence(second: str, morph: str):  # noqa: ANN202
        return tree([("She", 2, "nsubjpass", "PRON"), ("was", 2, "auxpass", "AUX", "be"),
                     ("arrested", 2, "ROOT", "VERB", "arrest", "Aspect=Perf|Tense=Past|VerbForm=Part"),
                     ("and", 2, "cc", "CCONJ"), (second, 2, "conj", "VERB", "", morph)])
    assert is_passive(sentence("charged", "Aspect=Perf|Tense=Past|VerbForm=Part")[4], EN.grammar)
    assert not is_passive(sentence("protesting", "Aspect=Prog|Tense=Pres|VerbForm=Part")[4], EN.grammar)


def test_a_contraction_gives_its_preposition_and_data_prepositions_compare_folded():
    doc = tree([("Elle", 1, "nsubj", "PRON"), ("répond", 1, "ROOT", "VERB", "répondre"),
                ("au", 3, "case", "ADP"), ("ministre", 1, "obl:arg", "NOUN")])
    assert prep_of(doc[3], FR.grammar) == "a"
    assert [t.text for t in with_prep(doc[1], "à", FR.grammar)] == ["ministre"]


def test_a_relative_pronoun_subject_is_its_antecedent():
    doc = tree([("le", 1, "det", "DET"), ("policier", 1, "ROOT", "NOUN"), ("qui", 4, "nsubj", "PRON"),
                ("a", 4, "aux:tense", "AUX", "avoir"), ("frappé", 1, "acl:relcl", "VERB", "frapper", PART)])
    assert logical_subject(context(doc, FR), doc[4]).text == "policier"


def test_the_speaker_of_a_quotation_is_the_subject_of_the_speech_verb_outside_it():
    doc = tree([("«", 2, "punct", "PUNCT"), ("Nous", 2, "nsubj", "PRON"), ("condamnons", 6, "ccomp", "VERB", "condamner"),
                ("»", 2, "punct", "PUNCT"), (",", 6, "punct", "PUNCT"), ("a", 6, "aux:tense", "AUX", "avoir"),
                ("déclaré", 6, "ROOT", "VERB", "déclarer", PART), ("Marie", 6, "nsubj", "PROPN")])
    assert inside_quotes(doc[:], FR.grammar) == {1, 2}
    ctx = context(doc, FR, people={(7, 8): "FRA"})
    assert speech_subject(ctx, doc[1]).text == "Marie"
    assert speech_subject(ctx, doc[7]) is None  # the speaker's own name is not quoted


def test_a_main_verb_accusation_is_coded_not_taken_for_alleged_content():
    # "Marie a accusé Paul de mensonge": the old head chain took the root as its own governor,
    # found 'accuser' above 'accusé' and dropped the accusation as something merely alleged.
    doc = tree([("Marie", 2, "nsubj", "PROPN"), ("a", 2, "aux:tense", "AUX", "avoir"),
                ("accusé", 2, "ROOT", "VERB", "accuser", PART), ("Paul", 2, "obj", "PROPN"),
                ("de", 5, "case", "ADP"), ("mensonge", 2, "obl:arg", "NOUN")])
    ctx = context(doc, FR, people={(0, 1): "FRA", (3, 4): "FRA"})
    drafts = ground.code(ctx, doc[2], doc[:])
    assert [(d.event, d.mode, [a.name for a in d.actors], [r.name for r in d.recipients]) for d in drafts] == [
        ("ACCUSE", "allege", ["Marie"], ["Paul"])]


def test_a_partitive_argument_is_one_whose_article_holds_the_genitive():
    # "Le ministre a reçu jeudi au palais des délégués": 'des délégués' is the object read as a
    # prepositional argument, 'au palais' is a place
    art = "Definite=Def|Number=Plur|PronType=Art"
    doc = tree([("Le", 1, "det", "DET"), ("ministre", 3, "nsubj", "NOUN"), ("a", 3, "aux:tense", "AUX", "avoir"),
                ("reçu", 3, "ROOT", "VERB", "recevoir"), ("jeudi", 3, "obl:mod", "NOUN"),
                ("au", 6, "case", "ADP", "au", "Definite=Def|Gender=Masc|Number=Sing|PronType=Art"),
                ("palais", 3, "obl:arg", "NOUN"), ("des", 8, "case", "ADP", "de", art),
                ("délégués", 3, "obl:arg", "NOUN", "délégué")])
    ctx = context(doc, load_language("fr"))
    assert [t.text for t in partitive_arguments(ctx, doc[3])] == ["délégués"]
