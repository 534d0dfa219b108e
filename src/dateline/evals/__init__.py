"""Evaluations against public datasets in `../shared/datasets` (never bundled with dateline)."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from dateline.evals.timebank import plain_text


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
def _corpus(relative: str) -> dict[str, str]:
    """A `<doc>` corpus of ../shared by URL, exactly as its gold annotations read it: well-formed
    XML through an XML parser, the pseudo-XML dumps (unquoted `url=`) by their one tag pattern."""
    path = shared_dir() / relative
    raw = path.read_text("utf-8")
    if raw.lstrip().startswith(("<?xml", "<corpus")):
        return {(d.get("link") or d.get("url")): d.text or "" for d in ET.parse(path).getroot().findall("doc")}
    return {m.group(1): m.group(2) for m in re.finditer(r"<doc url=(\S+)\s*>\n(.*?)\n</doc>", raw, re.S)}


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
