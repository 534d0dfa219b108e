from dateline.evals.entities import NerScore, hipe


def test_micro_scores():
    score = NerScore()
    score.add(frozenset({(0, 5, "PER"), (10, 15, "LOC")}), {(0, 5, "PER"), (10, 15, "ORG"), (20, 22, "LOC")})
    assert (score.tp, score.fp, score.fn) == (1, 2, 1)
    assert round(score.f1, 3) == round(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5), 3)


def test_hipe_reader_rebuilds_text_and_spans(tmp_path, monkeypatch):
    folder = tmp_path / "datasets" / "ner" / "hipe2020-fr"
    folder.mkdir(parents=True)
    rows = ["TOKEN\tNE-COARSE-LIT\tx\tx\tx\tx\tx\tx\tx\tMISC", "# document_id = DOC-1",
            "Le\tO\tO\tO\tO\tO\tO\t_\t_\t_", "maire\tO\tO\tO\tO\tO\tO\t_\t_\tEndOfLine",
            "de\tO\tO\tO\tO\tO\tO\t_\t_\t_", "Lausanne\tB-loc\tO\tO\tO\tO\tO\t_\t_\tNoSpaceAfter",
            ",\tO\tO\tO\tO\tO\tO\t_\t_\t_", "M\tB-pers\tO\tO\tO\tO\tO\t_\t_\tNoSpaceAfter",
            ".\tI-pers\tO\tO\tO\tO\tO\t_\t_\t_", "Dupont\tI-pers\tO\tO\tO\tO\tO\t_\t_\t_"]
    (folder / "HIPE-data-v1.4-dev-fr.tsv").write_text("\n".join(rows) + "\n")
    monkeypatch.setenv("DATELINE_SHARED", str(tmp_path))
    (doc,) = list(hipe())
    assert doc.text.startswith("Le maire\nde Lausanne, M. Dupont")
    assert {(doc.text[s:e], k) for s, e, k in doc.gold} == {("Lausanne", "LOC"), ("M. Dupont", "PER")}
