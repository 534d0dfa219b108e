"""Evaluations against public datasets in `../shared/datasets` (never bundled with dateline)."""

from __future__ import annotations

import os
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
