"""Sentence labels for the learned event detector (issue 14): which PLOVER types each sentence of a
shared corpus reports, annotated with shared/spec/annotation.md, stored as offsets and hashes.

    python eval/sentences/sentences.py docs SOURCE                  # the source's documents, numbered
    python eval/sentences/sentences.py show SOURCE FIRST [LAST]     # their sentences, "D.S<TAB>text"
    python eval/sentences/sentences.py store SOURCE LABELS --annotator NAME
    python eval/sentences/sentences.py check [--stats]

`show` prints sentences to the terminal only; no text is ever written under eval/. A labels file
(kept outside the project, e.g. /tmp) has one line per sentence: "D.S<TAB>TYPES[<TAB>OPTIONAL]",
TYPES and OPTIONAL comma-separated PLOVER types or "none". `store` turns it into
`eval/sentences/<lang>/<source>-<annotator>.jsonl`: input reference, character offsets, sha1 of the sentence.

Sentences are spaCy's (dateline.nlp.parse), the segmentation the detector will see at run time.
Documents of any dev event gold set (eval/<set>/*.gold.json) are left out: their sentences are
labelled by that gold.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.evals import corpus_keys, load_text, shared_dir  # noqa: E402

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def _corpus_refs(relative: str) -> list[str]:
    return [f"shared:{relative}#{url}" for url in corpus_keys(relative)]


def _gwn_refs() -> list[str]:
    root = ET.parse(shared_dir() / "datasets/geo/geowebnews/GWN.xml").getroot()
    return [f"shared:datasets/geo/geowebnews/GWN.xml#{a.get('file')}" for a in root.findall("article")]


def _glob_refs(folder: str, pattern: str) -> Callable[[], list[str]]:
    return lambda: [f"shared:{folder}/{p.name}" for p in sorted((shared_dir() / folder).glob(pattern))]


SOURCES: dict[str, tuple[str, Callable[[], list[str]]]] = {
    "fr-wire": ("fr", lambda: _corpus_refs("datasets/news/fr-wire/fr_CA_corpus.xml")),
    "fr-timebank": ("fr", _glob_refs("datasets/time/fr-timebank/Data", "*.tml")),
    "en-cnn": ("en", lambda: _corpus_refs("datasets/news/en-wire/CNN_original.xml")),
    "en-guardian": ("en", lambda: _corpus_refs("datasets/news/en-wire/Guardian_original.xml")),
    "en-irishtimes": ("en", lambda: _corpus_refs("datasets/news/en-wire/IT_original.xml")),
    "en-dwie": ("en", _glob_refs("datasets/ner/dwie/annos_with_content", "*.json")),
    "en-gwn": ("en", _gwn_refs),
}


@cache
def dev_gold_inputs() -> frozenset[str]:
    inputs = set()
    for path in (ROOT / "eval").glob("*/*.gold.json"):
        inputs.add(json.loads(path.read_text("utf-8")).get("input", ""))
    return frozenset(inputs)


def documents(source: str) -> list[str]:
    """The source's document references, dev gold documents left out, in a fixed order."""
    _, refs = SOURCES[source]
    return [ref for ref in refs() if ref not in dev_gold_inputs()]


def sentences(ref: str, lang: str) -> list[tuple[int, int, str]]:
    """The sentences the detector trains on (detector.training.sentence_spans), with their text."""
    from dateline.detector.training import parsed, sentence_spans

    doc = parsed(ref, lang)
    return [(start, end, doc.text[start:end]) for start, end in sentence_spans(doc)]


def sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _types(field: str) -> list[str]:
    values = [v.strip().upper() for v in field.split(",") if v.strip()]
    if values in ([], ["NONE"]):
        return []
    unknown = [v for v in values if v not in TYPES]
    if unknown:
        raise ValueError(f"unknown types {unknown}")
    return sorted(set(values))


def store(source: str, labels: Path, annotator: str) -> Path:
    lang, _ = SOURCES[source]
    docs = documents(source)
    out_path = HERE / lang / f"{source}-{annotator}.jsonl"
    existing = {}
    if out_path.exists():
        for line in out_path.read_text("utf-8").splitlines():
            row = json.loads(line)
            existing[(row["input"], row["start"])] = row
    shown: dict[int, list[tuple[int, int, str]]] = {}
    for number, line in enumerate(labels.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        doc_no, sent_no = (int(x) for x in fields[0].split("."))
        if doc_no not in shown:
            shown[doc_no] = sentences(docs[doc_no], lang)
        if sent_no >= len(shown[doc_no]):
            raise SystemExit(f"{labels}:{number}: document {doc_no} has {len(shown[doc_no])} sentences")
        start, end, text = shown[doc_no][sent_no]
        try:
            types = _types(fields[1])
            optional = _types(fields[2]) if len(fields) > 2 else []
        except (ValueError, IndexError) as error:
            raise SystemExit(f"{labels}:{number}: {error}") from None
        existing[(docs[doc_no], start)] = {"input": docs[doc_no], "start": start, "end": end, "sha1": sha(text),
                                           "types": types, "optional": optional, "annotator": annotator}
    out_path.parent.mkdir(exist_ok=True)
    rows = sorted(existing.values(), key=lambda r: (r["input"], r["start"]))
    out_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return out_path


def check(stats: bool) -> int:
    errors = 0
    for path in sorted(HERE.glob("*/*.jsonl")):
        counts: Counter[str] = Counter()
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        for row in rows:
            text = load_text(row["input"])[row["start"]:row["end"]]
            if sha(text) != row["sha1"]:
                errors += 1
                print(f"{path.name}: {row['input']} {row['start']}: hash differs")
            counts.update(row["types"] or ["none"])
        if stats:
            print(f"{path.relative_to(HERE)}: {len(rows)} sentences; " + ", ".join(
                f"{k} {v}" for k, v in counts.most_common()))
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    docs = sub.add_parser("docs")
    docs.add_argument("source", choices=SOURCES)
    show = sub.add_parser("show")
    show.add_argument("source", choices=SOURCES)
    show.add_argument("first", type=int)
    show.add_argument("last", type=int, nargs="?")
    put = sub.add_parser("store")
    put.add_argument("source", choices=SOURCES)
    put.add_argument("labels", type=Path)
    put.add_argument("--annotator", required=True)
    verify = sub.add_parser("check")
    verify.add_argument("--stats", action="store_true")
    args = parser.parse_args()
    if args.command == "docs":
        for number, ref in enumerate(documents(args.source)):
            print(number, ref)
    elif args.command == "show":
        lang, _ = SOURCES[args.source]
        docs_list = documents(args.source)
        last = args.first if args.last is None else args.last
        for doc_no in range(args.first, min(last, len(docs_list) - 1) + 1):
            print(f"## document {doc_no}: {docs_list[doc_no]}")
            for sent_no, (_, _, text) in enumerate(sentences(docs_list[doc_no], lang)):
                print(f"{doc_no}.{sent_no}\t{' '.join(text.split())}")
    elif args.command == "store":
        print(store(args.source, args.labels, args.annotator))
    else:
        return check(args.stats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
