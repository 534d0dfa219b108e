"""Concurrent first uploads: 20 `POST /documents` at once per language as a fresh server's first
work in that language. They used to load 20 copies of the spaCy pipeline, and the country matchers
cached from one copy's vocabulary then failed on the documents of another (spaCy E018), for every
later upload too. Run in a fresh interpreter: this process has its pipelines loaded already."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent('''
    import json, sys, tempfile
    from concurrent.futures import ThreadPoolExecutor

    import spacy
    from fastapi.testclient import TestClient

    from dateline.api import create_app
    from dateline.store import Store

    loads = []
    real_load = spacy.load
    spacy.load = lambda *a, **k: loads.append(a[0]) or real_load(*a, **k)
    TEXTS = {
        "en": "LONDON, 4 March 2025 (Reuters) - Thousands of nurses protested in London on Tuesday, and police "
              "arrested six people. The minister met French and German union leaders after talks with France.",
        "fr": "LYON, 5 février 2025 (AFP) - Quelque 2000 enseignants ont manifesté mercredi à Lyon contre la "
              "réforme. Le ministre a rencontré à Paris son homologue allemand et le président de la Russie.",
    }
    TOKEN = "t" * 20
    db = tempfile.mkdtemp() + "/first.duckdb"
    Store(db).close()
    result = {}
    with TestClient(create_app(db, TOKEN)) as client:
        def post(language, n):
            return client.post("/documents", json={"text": f"{TEXTS[language]} ({n})", "language": language},
                               headers={"Authorization": f"Bearer {TOKEN}"}).status_code
        for language in TEXTS:
            with ThreadPoolExecutor(20) as pool:
                result[language] = list(pool.map(lambda n: post(language, n), range(20)))
            result[language + " later"] = post(language, 99)
        result["documents"] = client.get("/").json()["documents"]
    result["loads"] = loads
    print(json.dumps(result))
''')


def test_twenty_concurrent_first_uploads_per_language_are_all_stored():
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["en"] == [201] * 20 and result["fr"] == [201] * 20
    assert result["en later"] == 201 and result["fr later"] == 201
    assert result["documents"] == 42
    assert len(result["loads"]) == len(set(result["loads"])) == 2  # one pipeline per language
