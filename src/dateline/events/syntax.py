"""Dependency-tree helpers shared by the coder, written for UD (French) and ClearNLP (English)
labels alike, so that language differences stay in the data files."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dateline.textutil import fold

SUBJECTS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj"}
PASSIVE_SUBJECTS = {"nsubj:pass", "nsubjpass"}
OBJECTS = {"obj", "dobj", "iobj"}
CLAUSAL = {"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"}
CONTRACTIONS = {"du": "de", "des": "de", "d'": "de", "au": "à", "aux": "à", "l'": ""}


def prep_of(token: Token) -> str | None:
    """The preposition that introduces a nominal: 'avec' in 'avec le ministre'."""
    for child in token.children:
        if child.dep_ in {"case", "mark"}:
            word = fold(child.text)
            return CONTRACTIONS.get(word, word)
    if token.dep_ in {"pobj", "pcomp"}:
        return fold(token.head.text)
    if token.dep_ == "poss":
        return "de"
    return None


def with_prep(head: Token, prep: str) -> list[Token]:
    """Nominal dependents of `head` introduced by `prep` (both annotation schemes)."""
    found = [c for c in head.children if c.dep_ not in CLAUSAL and prep_of(c) == prep
             and c.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "X"}]
    for child in head.children:
        if child.dep_ in {"prep", "agent"} and fold(child.text) == prep:
            found.extend(g for g in child.children if g.dep_ in {"pobj", "pcomp"})
    if prep == "de":
        found.extend(c for c in head.children if c.dep_ == "poss")
    return found


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in {"aux:pass", "auxpass"} for c in verb.children):
        return True
    if any(c.dep_.startswith("expl") and fold(c.text) in {"se", "s'", "s’"} for c in verb.children):
        return False  # "41 000 personnes se sont mobilisées": a pronominal verb, not a passive
    if any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
        # "Des milliers ... ont bloqué" with the subject labelled passive: "avoir" says active
        return not any(c.dep_.startswith("aux") and fold(c.lemma_) in {"avoir", "have"} for c in verb.children)
    # "she was arrested and charged with treason": the second participle shares the passive
    participle = verb.tag_ == "VBN" or verb.morph.get("VerbForm") == ["Part"]
    return participle and (gapped(verb) or verb.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in verb.children)
                           and verb.head is not verb and is_passive(verb.head))


def gapped(verb: Token) -> bool:
    """'Un policier a été blessé et six personnes interpellées': the second clause leaves out its
    auxiliaries, and the parser hangs its participle on its subject, itself a conjunct of the
    first (passive) verb."""
    noun = verb.head
    return verb.dep_ in {"acl", "amod"} and noun is not verb and noun.dep_ == "conj" \
        and noun.head.pos_ in {"VERB", "AUX"} and noun.head is not noun and is_passive(noun.head)


# Labels the French parser sometimes gives a subject it failed to recognise, when the name is
# unusual ("Djeyhoun Baïramov, ..., s'est entretenu"): a proper noun before the verb, with no
# preposition, carrying one of these is taken as the subject.
MISPARSED_SUBJECTS = {"expl:subj", "obl:mod", "dislocated", "nmod", "appos"}


def subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    for helper in verb.children:  # "Il a de plus demandé": the parser may hang the subject on "a"
        if helper.dep_.startswith("aux"):
            found = next((c for c in helper.children if c.dep_ in SUBJECTS), None)
            if found is not None:
                return found
    if verb.dep_ in {"conj", "xcomp"} and verb.head.pos_ in {"VERB", "AUX"}:
        return subject(verb.head)  # coordinated verbs share it; "a dit attendre": control
    if verb.dep_ == "advcl" and verb.morph.get("VerbForm") == ["Inf"] and verb.head.pos_ in {"VERB", "AUX"}:
        return subject(verb.head)  # "X a manifesté avant d'appeler Y à …": the infinitive's subject is X
    for child in verb.children:
        if child.i < verb.i and child.pos_ == "PROPN" and child.dep_ in MISPARSED_SUBJECTS \
                and child.ent_type_ not in {"DATE", "TIME"} \
                and not any(c.dep_ in {"case", "mark"} for c in child.children):
            return child
    return None


def agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return child
    found = with_prep(verb, "par") or with_prep(verb, "by")
    return found[0] if found else None


def objects(verb: Token) -> list[Token]:
    direct = [c for c in verb.children if c.dep_ in OBJECTS]
    return direct + [g for d in direct for g in conjuncts(d)]


def conjuncts(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from conjuncts(child)


def np_bounds(token: Token, skip_conj: bool = False) -> tuple[int, int]:
    """Character span of a noun phrase without its clauses (relative clauses, etc.), and
    without its coordinated phrases when `skip_conj` (evidence of one event)."""
    skipped = CLAUSAL | ({"conj", "cc"} if skip_conj else set())
    start, end = token.idx, token.idx + len(token)
    stack = [c for c in token.children if c.dep_ not in skipped and c.dep_ != "punct"]
    while stack:
        child = stack.pop()
        start = min(start, child.idx)
        end = max(end, child.idx + len(child))
        stack.extend(c for c in child.children if c.dep_ not in skipped)
    return start, end


def np_text(token: Token) -> str:
    """The text of a noun phrase without its clauses."""
    start, end = np_bounds(token)
    return token.doc.text[start:end]


def head_chain(token: Token, limit: int = 8) -> Iterator[Token]:
    current = token
    for _ in range(limit):
        if current.head is current:
            return
        current = current.head
        yield current
