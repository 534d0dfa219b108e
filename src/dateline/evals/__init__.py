"""Evaluations against public datasets in `../shared/datasets` (never bundled with dateline)."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path


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


def load_text(reference: str) -> str:
    """The text a gold `input` ("shared:datasets/...#URL") names."""
    relative, _, url = reference.removeprefix("shared:").partition("#")
    return _corpus(relative)[url]
