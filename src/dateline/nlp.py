"""The `nlp` stage: one spaCy pipeline per language (named in `lang/<code>/nlp.toml`), loaded once
per process, even when several threads ask for it at once (the API's first uploads): the
matchers built from a pipeline's vocabulary are cached, and a document parsed by a second copy of
the pipeline has strings that vocabulary lacks (spaCy E018)."""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.lang import load_language


def has_pipeline(language: str) -> bool:
    """Whether the language has data and a spaCy pipeline (`lang/<code>/nlp.toml`)."""
    try:
        return load_language(language).has_pipeline
    except KeyError:
        return False


# Tokens that close or continue what came before: no sentence starts with one. The parser
# sometimes ends a sentence at a closing quote ("« Que d'hypocrisies »| , a dénoncé M. Di
# Maio"), which cuts the quotation from its speaker. It does not honour forbidden boundaries
# set before it runs, so such a sentence is joined to the one before after parsing.
NO_SENTENCE_START = frozenset({",", ";", ":", ")", "]", "»", "”", "...", "…"})
OPENERS = frozenset({"«", "“", "(", "["})


@Language.component("dateline_paragraph_starts")
def paragraph_starts(doc: Doc) -> Doc:
    """A new paragraph (after a blank line) is a new sentence; the parser honours boundaries set
    before it runs (though not forbidden ones, hence the joining below). A single line break may
    be a hard wrap inside a sentence, so it is left to the parser."""
    for token in doc[1:]:
        if doc[token.i - 1].is_space and doc[token.i - 1].text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc


@Language.component("dateline_join_sentences")
def join_sentences(doc: Doc) -> Doc:
    sentences = list(doc.sents)
    for sentence, following in zip(sentences, sentences[1:], strict=False):
        if all(t.is_space or t.text in OPENERS for t in sentence):
            sentence.root.dep_ = "punct"  # a lone "«": it opens the next sentence
            sentence.root.head = following.root
    kept = None
    for sentence in list(doc.sents):
        first = next((t for t in sentence if not t.is_space), sentence[0])
        if kept is not None and first.text in NO_SENTENCE_START:
            sentence.root.dep_ = "parataxis"
            sentence.root.head = kept.root
        else:
            kept = sentence
    return doc


_PIPELINES: dict[str, Language] = {}
_LOADING = threading.Lock()


def pipeline(language: str) -> Language:
    """The language's spaCy pipeline, loaded by the first caller while the others wait."""
    nlp = _PIPELINES.get(language)
    if nlp is None:
        with _LOADING:
            nlp = _PIPELINES.get(language)
            if nlp is None:
                nlp = _PIPELINES[language] = _load(language)
    return nlp


def _load(language: str) -> Language:
    # Installed from the package registry, pinned by hash (requirements/models.txt); never
    # downloaded at run time.
    spec = load_language(language).nlp
    if spec.model is None:
        raise KeyError(f"language {language!r} has no spaCy pipeline")
    nlp = spacy.load(spec.model)
    if nlp.meta.get("version") != spec.version:
        raise RuntimeError(f"{spec.model} {nlp.meta.get('version')} is installed; dateline is pinned to "
                           f"{spec.version} (make install)")
    nlp.add_pipe("dateline_paragraph_starts", before="parser")
    nlp.add_pipe("dateline_join_sentences", after="parser")
    return nlp


def doc_text(doc: Doc) -> str:
    """The document's text, kept once per document: spaCy rebuilds `Doc.text` from every token
    each time it is read, which made reading noun phrases cost the length of the document."""
    text = doc.user_data.get("dateline:text")
    if text is None:
        text = doc.user_data["dateline:text"] = doc.text
    return text


def parse(text: str, language: str) -> Doc:
    return pipeline(language)(text)
