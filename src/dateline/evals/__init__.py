"""Evaluations against public datasets in `../shared/datasets` (never bundled with dateline)."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dateline.evals.timebank import plain_text
from dateline.sources import SourceDocument


@dataclass
class Tally:
    """True positives, false positives and misses, with precision, recall and F1 (0 when empty)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def shared_dir() -> Path:
    """`$DATELINE_SHARED`, else the first `shared/` beside the working directory or a parent."""
    configured = os.environ.get("DATELINE_SHARED")
    if configured:
        return Path(configured)
    here = Path.cwd().resolve()
    for base in (here, *here.parents):
        candidate = base.parent / "shared" if base.name != "shared" else base
        if (candidate / "datasets").is_dir():
            return candidate
    return here.parent / "shared"


def dataset_dir(name: str) -> Path:
    path = shared_dir() / "datasets" / name
    if not path.is_dir():
        raise FileNotFoundError(f"dataset {name!r} not found at {path} (set DATELINE_SHARED)")
    return path


@cache
def _corpus_entries(relative: str) -> dict[str, dict[str, str]]:
    """A `<doc>` corpus of ../shared by URL, exactly as its gold annotations read it: well-formed
    XML through an XML parser (with the container's title and date), the pseudo-XML dumps
    (unquoted `url=`) by their one tag pattern."""
    path = shared_dir() / relative
    raw = path.read_text("utf-8")
    if raw.lstrip().startswith(("<?xml", "<corpus")):
        return {(d.get("link") or d.get("url")): {**d.attrib, "text": d.text or ""}
                for d in ET.parse(path).getroot().findall("doc")}
    return {m.group(1): {"text": m.group(2)} for m in re.finditer(r"<doc url=(\S+)\s*>\n(.*?)\n</doc>", raw, re.S)}


def corpus_keys(relative: str) -> list[str]:
    """The URL of every `<doc>` of a corpus of ../shared, in file order (the keys of its references)."""
    return list(_corpus_entries(relative))


def _corpus(relative: str) -> dict[str, str]:
    return {url: entry["text"] for url, entry in _corpus_entries(relative).items()}


@cache
def _articles(relative: str) -> dict[str, str]:
    """GeoWebNews' `<articles><article file=N><text>`: each article's text by its `file` number."""
    root = ET.parse(shared_dir() / relative).getroot()
    return {a.get("file", ""): a.findtext("text") or "" for a in root.findall("article")}


def _xml_texts(relative: str) -> dict[str, str]:
    head = (shared_dir() / relative).read_text("utf-8")[:400]
    return _articles(relative) if "<articles" in head else _corpus(relative)


def _timebank_text(relative: str) -> str:
    return plain_text((shared_dir() / relative).read_text("utf-8"))


def load_text(reference: str) -> str:
    """The text a gold `input` names, exactly as its annotators read it:
    "shared:…/corpus.xml#URL" (a `<doc>` corpus), "shared:…/GWN.xml#N" (an article's `<text>`),
    "shared:…/DW_n.json" (DWIE's `content`), "shared:…/name.tml" (TimeBank's TEXT, tags removed)."""
    relative, _, key = reference.removeprefix("shared:").partition("#")
    if relative.endswith(".json"):
        return json.loads((shared_dir() / relative).read_text("utf-8"))["content"]
    if relative.endswith(".tml"):
        return _timebank_text(relative)
    return _xml_texts(relative)[key]


def load_source(reference: str) -> SourceDocument:
    """The document a gold `input` names as a user's ingest would see it: its text, and the URL,
    title and publication date its container gives (a `<doc>` element's attributes, a TimeBank
    document's creation time, a GeoWebNews article's link)."""
    from dateline.sources.readers import parse_published

    relative, _, key = reference.removeprefix("shared:").partition("#")
    text = load_text(reference)
    if relative.endswith(".tml"):
        raw = (shared_dir() / relative).read_text("utf-8")
        created = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})"', raw)
        return SourceDocument(text=text, published=created.group(1) if created else None, item=reference)
    if relative.endswith(".json"):
        return SourceDocument(text=text, item=reference)
    if "<articles" in (shared_dir() / relative).read_text("utf-8")[:400]:
        root = ET.parse(shared_dir() / relative).getroot()
        article = next(a for a in root.findall("article") if a.get("file") == key)
        return SourceDocument(text=text, url=article.findtext("link") or None, title=article.findtext("title"),
                              item=reference)
    entry = _corpus_entries(relative)[key]
    return SourceDocument(text=text, url=key or None, title=entry.get("title"),
                          published=parse_published(entry.get("date")), item=reference)
