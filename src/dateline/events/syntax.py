"""Dependency-tree helpers, written for UD (French) and ClearNLP (English) labels alike; the words
they need (prepositions, auxiliaries, quotation marks) come from the language's grammar, so that
language differences stay in `lang/<code>/grammar.toml`. Nothing here reads the resolution or a
lexicon: each helper works on a parse alone, and is tested on hand-built `Doc`s."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.tokens import Span, Token

from dateline.lang.schema import Grammar
from dateline.nlp import doc_text
from dateline.textutil import fold

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "nsubjpass"})
OBJECTS = frozenset({"obj", "dobj", "iobj"})
# The indirect object of both annotation schemes ("paid Gadhafi a visit").
DATIVES = frozenset({"dative", "iobj"})
CLAUSAL = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})
RELATIVE_CLAUSES = frozenset({"acl:relcl", "relcl"})
NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
# Labels the French parser sometimes gives a subject it failed to recognise, when the name is
# unusual ("Djeyhoun Baïramov, ..., s'est entretenu"): a proper noun before the verb, with no
# preposition, carrying one of these is taken as the subject.
MISPARSED_SUBJECTS = frozenset({"expl:subj", "obl:mod", "dislocated", "nmod", "appos"})


def is_root(token: Token) -> bool:
    """spaCy gives a sentence's root itself as head (tokens are views: compare indices)."""
    return token.head.i == token.i


def word_of(token: Token) -> str:
    """The word a token spells, folded, without the hyphens of an inverted pronoun ('a-t-il')."""
    return fold(token.text).strip("-")


def is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"}


def prep_of(token: Token, grammar: Grammar) -> str | None:
    """The preposition that introduces a nominal: 'avec' in 'avec le ministre', 'de' in 'du
    ministre' (a contraction gives the preposition it holds)."""
    for child in token.children:
        if child.dep_ in {"case", "mark"}:
            word = fold(child.text)
            return grammar.contractions.get(word, word)
    if token.dep_ in {"pobj", "pcomp"}:
        return fold(token.head.text)
    if token.dep_ == "poss":
        return grammar.possessive
    return None


def with_prep(head: Token, preps: str | Iterable[str], grammar: Grammar) -> list[Token]:
    """Nominal dependents of `head` introduced by one of `preps` (both annotation schemes)."""
    wanted = {fold(p) for p in ([preps] if isinstance(preps, str) else preps)}
    found = [c for c in head.children if c.dep_ not in CLAUSAL and prep_of(c, grammar) in wanted
             and c.pos_ in NOMINALS]
    for child in head.children:
        if child.dep_ in {"prep", "agent"} and fold(child.text) in wanted:
            found.extend(g for g in child.children if g.dep_ in {"pobj", "pcomp"})
    return found


@cache
def _phrases(words: frozenset[str]) -> tuple[list[str], ...]:
    """The entries of several words of a word set, split (computed once per set)."""
    return tuple(parts for parts in (phrase.split() for phrase in words) if len(parts) > 1)


def word_in(token: Token, words: frozenset[str]) -> bool:
    """Whether a token is one of `words`, by lemma or form; a phrase of several words ('martial
    law') is its last word preceded by the others."""
    forms = {fold(token.lemma_), fold(token.text)}
    if forms & words:
        return True
    for parts in _phrases(words):
        if parts[-1] in forms and token.i >= len(parts) - 1:
            before = token.doc[token.i - len(parts) + 1:token.i]
            if [fold(t.text) for t in before] == parts[:-1]:
                return True
    return False


def has_slots(holders: list[Token], preps: dict[str, frozenset[str]], grammar: Grammar) -> bool:
    """Whether the verb or its object (`holders`) has a phrase introduced by each preposition of
    `preps`, holding one of its words (any phrase when there are none): 'lifted the state of
    emergency'."""
    for prep, words in preps.items():
        found = [t for holder in holders for t in with_prep(holder, prep, grammar)]
        if not found or words and not any(word_in(t, words) for t in found):
            return False
    return True


def near_word(verb: Token, words: frozenset[str]) -> bool:
    """Whether a dependent of the verb, or one of theirs, is one of `words`."""
    return bool(words) and any(word_in(t, words) for c in verb.children for t in (c, *c.children))


def has_features(token: Token, features: dict[str, str]) -> bool:
    return all(token.morph.get(name) == [value] for name, value in features.items())


def helpers(verb: Token) -> list[Token]:
    """The verb's auxiliaries (tense, passive, modal)."""
    return [c for c in verb.children if c.dep_.startswith("aux")]


def is_passive(verb: Token, grammar: Grammar) -> bool:
    if any(c.dep_ in {"aux:pass", "auxpass"} for c in verb.children):
        return True
    if any(c.dep_.startswith("expl") and fold(c.text) in grammar.reflexives for c in verb.children):
        return False  # "41 000 personnes se sont mobilisées": a pronominal verb, not a passive
    if any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
        # "Des milliers ... ont bloqué" with the subject labelled passive: "avoir" says active
        return not any(fold(c.lemma_) in grammar.auxiliaries.perfect for c in helpers(verb))
    # "she was arrested and charged with treason": the second participle shares the passive
    return has_features(verb, grammar.participle) and (
        gapped(verb, grammar) or verb.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in verb.children)
        and not is_root(verb) and is_passive(verb.head, grammar))


def gapped(verb: Token, grammar: Grammar) -> bool:
    """'Un policier a été blessé et six personnes interpellées': the second clause leaves out its
    auxiliaries, and the parser hangs its participle on its subject, itself a conjunct of the
    first (passive) verb."""
    noun = verb.head
    return verb.dep_ in {"acl", "amod"} and not is_root(verb) and noun.dep_ == "conj" \
        and is_verb(noun.head) and not is_root(noun) and is_passive(noun.head, grammar)


def subject(verb: Token, grammar: Grammar | None = None) -> Token | None:
    euphonic = grammar.euphonic if grammar is not None else frozenset()
    for child in verb.children:
        if child.dep_ in SUBJECTS and word_of(child) in euphonic:
            # "a-t-elle écrit": the "t" is no subject; the pronoun after it is, however it hangs
            following = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
            if following is not None and following.pos_ == "PRON":
                return following
        elif child.dep_ in SUBJECTS:
            return child
    for helper in helpers(verb):  # "Il a de plus demandé": the parser may hang the subject on "a"
        found = next((c for c in helper.children if c.dep_ in SUBJECTS and word_of(c) not in euphonic), None)
        if found is not None:
            return found
    if verb.dep_ in {"conj", "xcomp"} and is_verb(verb.head) and not is_root(verb):
        return subject(verb.head, grammar)  # coordinated verbs share it; "a dit attendre": control
    if verb.dep_ == "advcl" and verb.morph.get("VerbForm") == ["Inf"] and is_verb(verb.head):
        return subject(verb.head, grammar)  # "X a manifesté avant d'appeler Y à …": the infinitive's subject is X
    for child in verb.children:
        if child.i < verb.i and child.pos_ == "PROPN" and child.dep_ in MISPARSED_SUBJECTS \
                and child.ent_type_ not in {"DATE", "TIME"} \
                and not any(c.dep_ in {"case", "mark"} for c in child.children):
            return child
    return None


def agent(verb: Token, grammar: Grammar) -> Token | None:
    """The agent of a passive ('arrêtés par la police', 'arrested by police')."""
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return child
    found = with_prep(verb, grammar.prepositions.agent, grammar)
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
    return doc_text(token.doc)[start:end]


def head_chain(token: Token, limit: int = 8) -> Iterator[Token]:
    """The token's governors, nearest first, up to the sentence's root."""
    current = token
    for _ in range(limit):
        if is_root(current):
            return
        current = current.head
        yield current


def inside_quotes(sentence: Span, grammar: Grammar) -> set[int]:
    """Indices of the tokens between opening and closing quotation marks of a sentence."""
    quotes = grammar.quotes
    inside: set[int] = set()
    depth = 0
    for token in sentence:
        if token.text in quotes.toggle:
            depth = 0 if depth else 1
        elif token.text in quotes.open:
            depth += 1
        elif token.text in quotes.close:
            depth = max(0, depth - 1)
        elif depth:
            inside.add(token.i)
    return inside


def quoted_before(token: Token, verb: Token, grammar: Grammar) -> bool:
    """A word of the quotation before the verb ('«Que d'hypocrisies», a dénoncé ...')."""
    marks = grammar.quotes.all
    between = token.doc[token.i + 1:verb.i]
    return token.i < verb.i and any(t.text in marks for t in between) and any(
        t.text in marks for t in token.doc[token.sent.start:token.i])


def set_off(clause: Token) -> bool:
    """A relative clause after a comma: it adds to the story rather than identifying someone."""
    first = clause.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","
