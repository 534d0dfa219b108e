"""Check furniture.gold.json against the press texts it annotates.

The texts are not stored here (publisher copyright). They are read from the shared data folder,
by default ../shared next to the repository (override with --shared DIR or DATELINE_SHARED),
with exactly the loaders the annotation was made on.

    python eval/furniture/check_gold.py [--shared DIR] [--gold FILE]

Exit status 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parents[2] / "shared"
KINDS = {"furniture", "dateline", "quote_embed"}
LANGS = {"fr", "en"}
PREFIX = "shared:"
# A glued boundary is the offset of the first character of a sentence that follows a sentence end with no
# space: the previous characters end with . ! ? or … (possibly closed by a quote or bracket), and the
# character at the offset is a capital or an opening quote followed by a capital.
GLUE_BEFORE = re.compile(r"(?:[.!?…]|[.!?…][\xa0\u202f ]?[»”]|[.!?…][\"\)\]])$")
GLUE_AT = re.compile(r"(?:«[\xa0\u202f ]?|[“\"])?[A-ZÀ-ÖØ-ÞŒ]")


def load_fr(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8") as f:  # same string as open(...).read() in the brief's loader
        raw = f.read()
    return {m.group(1): m.group(2) for m in re.finditer(r"<doc url=(\S+)\s*>\n(.*?)\n</doc>", raw, re.S)}


def load_en(path: Path) -> dict[str, str]:
    out = {}
    for d in ET.parse(path).getroot().findall("doc"):
        out[d.get("link") or d.get("url")] = d.text or ""
    return out


def sha1(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.environ.get("DATELINE_SHARED", str(DEFAULT_SHARED)))
    ap.add_argument("--gold", default=str(HERE / "furniture.gold.json"))
    args = ap.parse_args()
    shared = Path(args.shared)

    corpora: dict[str, dict[str, str]] = {}

    def corpus(rel: str) -> dict[str, str]:
        if rel not in corpora:
            path = shared / rel
            corpora[rel] = load_fr(path) if rel.endswith("fr_CA_corpus.xml") else load_en(path)
        return corpora[rel]

    with open(args.gold, encoding="utf-8") as f:
        gold = json.load(f)
    errors: list[str] = []
    docs_by_lang: Counter[str] = Counter()
    docs_by_source: Counter[str] = Counter()
    spans_by_lang: dict[str, Counter[str]] = defaultdict(Counter)
    glue_by_lang: Counter[str] = Counter()
    seen_inputs: set[str] = set()

    for i, doc in enumerate(gold["documents"]):
        where = f"doc {i}"
        ref = doc.get("input", "")
        if not ref.startswith(PREFIX) or "#" not in ref:
            errors.append(f"{where}: bad input reference {ref!r}")
            continue
        rel, url = ref[len(PREFIX) :].split("#", 1)
        where = f"doc {i} ({Path(rel).name} {url[-50:]})"
        if ref in seen_inputs:
            errors.append(f"{where}: duplicate input")
        seen_inputs.add(ref)
        try:
            texts = corpus(rel)
        except OSError as exc:
            errors.append(f"{where}: cannot read {shared / rel}: {exc}")
            continue
        if url not in texts:
            errors.append(f"{where}: URL not found in {rel}")
            continue
        text = texts[url]
        lang = doc.get("language")
        if lang not in LANGS:
            errors.append(f"{where}: language {lang!r} not in {sorted(LANGS)}")
        if doc.get("text_sha1") != sha1(text):
            errors.append(f"{where}: text_sha1 mismatch (the source text changed)")
            continue
        docs_by_lang[lang] += 1
        docs_by_source[Path(rel).name] += 1

        spans = doc.get("spans", [])
        prev_end, prev_start = -1, -1
        for j, sp in enumerate(spans):
            s, e, kind = sp.get("start"), sp.get("end"), sp.get("kind")
            tag = f"{where} span {j}"
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                errors.append(f"{tag}: bounds {s}-{e} outside 0-{len(text)}")
                continue
            if kind not in KINDS:
                errors.append(f"{tag}: kind {kind!r} not in {sorted(KINDS)}")
            if sp.get("sha1") != sha1(text[s:e])[:10]:
                errors.append(f"{tag}: span sha1 mismatch")
            if text[s:e] != text[s:e].strip():
                errors.append(f"{tag}: span starts or ends with whitespace")
            if not sp.get("note"):
                errors.append(f"{tag}: empty note")
            if s < prev_start:
                errors.append(f"{tag}: spans not sorted by start")
            if s < prev_end:
                errors.append(f"{tag}: overlaps the previous span")
            prev_start, prev_end = s, max(prev_end, e)
            spans_by_lang[lang][kind] += 1

        glue = doc.get("glued_boundaries", [])
        if glue != sorted(set(glue)):
            errors.append(f"{where}: glued_boundaries not sorted and unique")
        for g in glue:
            if not (isinstance(g, int) and 0 < g < len(text)):
                errors.append(f"{where}: glued boundary {g} out of range")
                continue
            if not (GLUE_BEFORE.search(text[max(0, g - 3) : g]) and GLUE_AT.match(text, g)):
                errors.append(f"{where}: glued boundary {g} is not sentence end + capital without space")
            if any(sp["start"] < g < sp["end"] for sp in spans if isinstance(sp.get("start"), int)):
                errors.append(f"{where}: glued boundary {g} lies inside a span")
        glue_by_lang[lang] += len(glue)

        dl = doc.get("dateline")
        if not isinstance(dl, dict) or set(dl) != {"place", "date", "agency"}:
            errors.append(f"{where}: dateline must be an object with place, date, agency")
        elif dl["date"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dl["date"]):
            errors.append(f"{where}: dateline date {dl['date']!r} is not YYYY-MM-DD")
        has_dl_span = any(sp.get("kind") == "dateline" for sp in spans)
        if isinstance(dl, dict) and any(dl.values()) and not has_dl_span:
            errors.append(f"{where}: dateline metadata without a dateline span")

    print("documents per source:", dict(sorted(docs_by_source.items())))
    for lang in sorted(docs_by_lang):
        kinds = ", ".join(f"{k} {spans_by_lang[lang][k]}" for k in sorted(KINDS))
        print(f"{lang}: {docs_by_lang[lang]} documents; spans: {kinds}; glued boundaries {glue_by_lang[lang]}")
    total = Counter()
    for c in spans_by_lang.values():
        total.update(c)
    print(f"all: {sum(docs_by_lang.values())} documents; spans:", dict(sorted(total.items())))
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for err in errors:
            print("  " + err, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
