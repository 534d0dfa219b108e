"""Actors: countries, organisations and people that can act in events.

People get their country, sector and role from the titles and appositions around them
("le ministre des Affaires étrangères de la République d'Arménie, Ararat Mirzoyan";
"Russian Foreign Minister Sergei Lavrov"); later mentions by surname inherit them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from dateline.kb import load_kb
from dateline.lang import Language, as_language
from dateline.nlp import doc_text, pipeline
from dateline.textutil import fold

PRE_WINDOW_TOKENS = 16
ROLE_TO_PERSON_MAX_CHARS = 70
ENGLISH_LOOKBACK_CHARS = 22
ORG_PREFIX = "org:"  # the kb id of an organisation ("org:un")


@dataclass(frozen=True)
class ActorRef:
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    entity_id: str | None = None
    kb_id: str | None = None
    reason: str = ""

    @property
    def organisation(self) -> bool:
        """An intergovernmental body or an NGO of the knowledge base (kb id "org:...")."""
        return (self.kb_id or "").startswith(ORG_PREFIX)


@dataclass(frozen=True)
class CountryMention:
    start: int  # token indexes
    end: int
    iso3: str
    kind: str  # "name" or "demonym"


@dataclass(frozen=True)
class Role:
    pattern: re.Pattern[str]
    role: str
    sector: str
    length: int


class ActorLexicon:
    """One language's actor knowledge, compiled for a spaCy vocabulary."""

    def __init__(self, language: Language) -> None:
        data = language.actors
        self.language = language
        self.lang = language.code
        self.roles = sorted(
            (_role(phrase, entry.role, entry.sector) for entry in data.roles for phrase in entry.phrases),
            key=lambda role: -role.length,
        )
        self.sector_nouns = {fold(n): s for s, nouns in data.sectors.items() for n in nouns}
        self.org_nouns = {fold(n): s for s, nouns in data.organisations.items() for n in nouns}
        self.collectives = {fold(c) for c in data.collectives.plural_participants}
        self.honorifics = frozenset(fold(w) for w in data.honorifics.words)
        # "au Havre" = "à" + "Le Havre": the article a contraction hides is part of the place name
        self.contracted_articles = {fold(k): v for k, v in data.contracted_articles.items()}
        # Country names shared with other places ("Georgia"): the words that show the country is meant
        self.country_cues = {fold(k): tuple(fold(c) for c in v) for k, v in data.country_cues.items()}

    def bare_name(self, name: str) -> str:
        """The name after the last form of address: 'Facebook M. Di Maio' -> 'Di Maio'."""
        words = name.split()
        cut = max((i + 1 for i, w in enumerate(words) if fold(w) in self.honorifics), default=0)
        return " ".join(words[cut:]) or name

    def country_mentions(self, doc: Doc) -> list[CountryMention]:
        """Country names and demonyms in a doc, longest first where they overlap."""
        found = []
        for matcher in _country_matchers(self.lang):  # built on first use: needs the language's model
            for match_id, start, end in matcher(doc):
                label = doc.vocab.strings[match_id]
                kind, iso3 = label.split(":", 1)
                found.append(CountryMention(start, end, iso3, kind))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[CountryMention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        return [m for m in kept if not self._namesake_elsewhere(m, doc)]

    def _namesake_elsewhere(self, mention: CountryMention, doc: Doc) -> bool:
        return self.other_place(doc[mention.start:mention.end].text, doc_text(doc))

    def other_place(self, name: str, text: str) -> bool:
        """'Georgia' in a story about Atlanta is the US state: a country name that is also
        another place's counts only when the story has a cue of the country (language data)."""
        cues = self.country_cues.get(fold(name))
        if cues is None:
            return False
        folded = fold(text)
        return not any(cue in folded for cue in cues)

    def role_in(self, text: str) -> list[tuple[re.Match[str], Role]]:
        folded = fold(text)
        hits = []
        for role in self.roles:
            hits.extend((m, role) for m in role.pattern.finditer(folded))
        return hits


def _role(phrase: str, role: str, sector: str) -> Role:
    words = fold(phrase).split()
    # One free word may follow the head noun: "ministre arménien des Affaires étrangères".
    body = re.escape(words[0])
    if len(words) > 1:
        body += r"(?:\s+[\w-]+)?\s+" + r"\s+".join(re.escape(w) for w in words[1:])
    pattern = re.compile(r"(?<![\w-])" + body + r"(?![\w-])")
    return Role(pattern, role, sector, len(words))


@cache
def _country_matchers(lang: str) -> tuple[PhraseMatcher, PhraseMatcher]:
    nlp = pipeline(lang)
    names = PhraseMatcher(nlp.vocab, attr="LOWER")
    acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
    kb = load_kb()
    for country in kb.countries.values():
        forms = {n for ns in country.names.values() for n in ns}
        # Upper-case forms ("US", "UK") are matched exactly: "us" is a pronoun.
        exact = sorted(f for f in forms if f.replace(".", "").isupper())
        names.add(f"name:{country.iso3}", [nlp.make_doc(n) for n in sorted(forms - set(exact))])
        if exact:
            acronyms.add(f"name:{country.iso3}", [nlp.make_doc(n) for n in exact])
        demonyms = {d for ds in country.demonyms.values() for d in ds}
        if demonyms:
            names.add(f"demonym:{country.iso3}", [nlp.make_doc(d) for d in sorted(demonyms)])
    for org in kb.organisations.values():
        forms = {n for ns in org.names.values() for n in ns}
        short = {a for acs in org.acronyms.values() for a in acs}
        short |= {f for f in forms if f.replace(".", "").isupper()}
        names.add(f"org:{org.code}|{org.id}", [nlp.make_doc(n) for n in sorted(forms - short)])
        if short:
            acronyms.add(f"org:{org.code}|{org.id}", [nlp.make_doc(a) for a in sorted(short)])
    return names, acronyms


def lexicon(language: Language | str) -> ActorLexicon:
    return _lexicon(as_language(language))


@cache
def _lexicon(language: Language) -> ActorLexicon:
    return ActorLexicon(language)


def country_actor(mention: CountryMention, doc: Doc, sector: str | None = None) -> ActorRef:
    text = doc[mention.start:mention.end].text
    if mention.kind == "org":
        code, org_id = mention.iso3.split("|", 1)
        org = load_kb().organisations[org_id]
        return ActorRef(text=text, name=org.name, country=code, kb_id=f"{ORG_PREFIX}{org_id}",
                        reason=f"organisation '{text}' in the knowledge base")
    country = load_kb().countries[mention.iso3]
    return ActorRef(text=text, name=country.name, country=mention.iso3, sector=sector,
                    kb_id=f"country:{mention.iso3}",
                    reason=f"country {mention.kind} '{text}'")


def learn_person_role(ent: Span, mentions: list[CountryMention], lex: ActorLexicon) -> ActorRef:
    """Country, sector and role of a person from the title or apposition around the name."""
    pre = _pre_window(ent)
    for window in (pre, _post_window(ent)):
        if window is None:
            continue
        found = _role_with_country(window, ent, mentions, lex)
        if found and found.country is None:
            found = _organisation_title(window, ent, mentions, found) or found
        if found:
            return found
    return (pre is not None and (_organisation_title(pre, ent, mentions, None)
                                 or _nationality_title(pre, ent, mentions, lex))) or \
        ActorRef(text=ent.text, name=ent.text, reason="person without a stated role")


def _nationality_title(window: Span, ent: Span, mentions: list[CountryMention],
                       lex: ActorLexicon) -> ActorRef | None:
    """'Nigerian activist Timi Frank', 'le manifestant italien Marco Rossi': a nationality and a
    noun of a sector just before the name give the person's country and sector."""
    if window.end != ent.start:
        return None
    noun = next((t for t in reversed(window) if t.pos_ == "NOUN"), None)
    sector = sector_of(noun, lex) if noun is not None else None
    inside = [m for m in mentions if window.start <= m.start and m.end <= window.end]
    if sector is None or len(inside) != 1 or inside[0].kind == "org":
        return None
    return ActorRef(text=ent.text, name=ent.text, country=inside[0].iso3, sector=sector,
                    reason=f"nationality and {sector} noun before the name: '{window.text}'")


def _organisation_title(window: Span, ent: Span, mentions: list[CountryMention],
                        found: ActorRef | None) -> ActorRef | None:
    """'UN Secretary-General Ban Ki-moon', 'UN leader X', 'EU envoy Y': an organisation in the
    title before the name, with no country there, is whom the person acts for (PLOVER: UNO, EUR,
    IGO), whatever their nationality."""
    if window.end != ent.start:
        return None
    inside = [m for m in mentions if window.start <= m.start and m.end <= window.end]
    orgs = [m for m in inside if m.kind == "org"]
    if not orgs or len(orgs) != len(inside):
        return None
    organisation = country_actor(orgs[-1], ent.doc)
    return ActorRef(text=ent.text, name=ent.text, country=organisation.country,
                    sector=found.sector if found else None, role=found.role if found else None,
                    reason=f"title before the name names {organisation.text}: '{window.text}'")


def _pre_window(ent: Span) -> Span | None:
    doc = ent.doc
    start = ent.start
    index = ent.start - 1
    while index >= max(ent.sent.start, ent.start - PRE_WINDOW_TOKENS):
        token = doc[index]
        if token.ent_type_ in {"PER", "PERSON"} or token.pos_ in {"VERB", "AUX"}:
            break
        if token.text in {";", ":", ".", "(", ")"}:
            break
        if token.text == "," and index != ent.start - 1:
            break
        start = index
        index -= 1
    return doc[start:ent.start] if start < ent.start else None


def _post_window(ent: Span) -> Span | None:
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    end = ent.end + 1
    while end < min(ent.sent.end, ent.end + PRE_WINDOW_TOKENS):
        token = doc[end]
        if token.text in {",", ".", ";", ":", "("} or token.pos_ in {"VERB", "AUX"}:
            break
        if token.ent_type_ in {"PER", "PERSON"}:
            return None
        end += 1
    return doc[ent.end + 1:end] if end > ent.end + 1 else None


def _role_with_country(
    window: Span, ent: Span, mentions: list[CountryMention], lex: ActorLexicon
) -> ActorRef | None:
    hits = lex.role_in(window.text)
    if not hits:
        return None
    before = window.end <= ent.start
    # Nearest role to the name: the last one before it, or the first one after it.
    match, role = max(hits, key=lambda h: (h[0].end() if before else -h[0].start(), h[1].length))
    offset = window.start_char
    role_start = offset + match.start()
    if before and ent.start_char - (offset + match.end()) > ROLE_TO_PERSON_MAX_CHARS:
        return None
    low = max(window.start_char, role_start - ENGLISH_LOOKBACK_CHARS)
    high = window.end_char
    doc = ent.doc
    in_window = [
        m for m in mentions
        if low <= doc[m.start].idx and doc[m.end - 1].idx < high and m.kind != "org"
    ]
    country = None
    if in_window:
        after_role = [m for m in in_window if doc[m.start].idx >= role_start]
        chosen = after_role[0] if after_role else in_window[-1]
        country = chosen.iso3
    where = "title before the name" if before else "apposition after the name"
    return ActorRef(
        text=ent.text, name=ent.text, country=country, sector=role.sector, role=role.role,
        reason=f"{where}: '{window.text.strip(' ,')}'",
    )


def link_surnames(people: dict[int, ActorRef], ents: dict[int, Span]) -> dict[int, ActorRef]:
    """Mentions of one person ('Ararat Mirzoyan', 'Mirzoyan') share the best-known identity."""
    by_surname: dict[str, list[int]] = {}
    for key, ent in ents.items():
        by_surname.setdefault(fold(ent[-1].text), []).append(key)
    linked = dict(people)
    for keys in by_surname.values():
        best = max(keys, key=lambda k: (people[k].country is not None, len(ents[k].text)))
        if people[best].country is None:
            continue
        for key in keys:
            if people[key].country is None or key == best:
                source = people[best]
                linked[key] = replace(
                    source, text=ents[key].text,
                    reason=source.reason if key == best else f"same person as '{ents[best].text}'",
                )
    return linked


def org_actor(ent: Span, mentions: list[CountryMention], lex: ActorLexicon) -> ActorRef | None:
    """A state body named with its country ('MAE Arménie'), an IGO, or a news agency."""
    inside = [m for m in mentions if ent.start <= m.start and m.end <= ent.end]
    for mention in inside:
        if mention.kind == "org" and mention.end - mention.start == len(ent):
            return country_actor(mention, ent.doc)
    folded = fold(ent.text)
    countries = [m for m in inside if m.kind != "org"]
    for noun, sector in sorted(lex.org_nouns.items(), key=lambda kv: -len(kv[0])):
        if re.search(r"(?<![\w-])" + re.escape(noun) + r"(?![\w-])", folded) and countries:
            country = countries[0].iso3
            return ActorRef(text=ent.text, name=ent.text, country=country, sector=sector,
                            reason=f"state body '{noun}' of {country}")
    agency = load_kb().match_agency(ent.text)
    if agency:
        return ActorRef(text=ent.text, name=agency.name, sector="MED",
                        kb_id=f"agency:{agency.agency_id}",
                        reason=f"news agency {agency.name} (match {agency.score:.2f})")
    return None


def sector_of(token: Token, lex: ActorLexicon) -> str | None:
    """Sector of a group noun, trying the longest nouns first ('forces de l'ordre', 'forces armées')."""
    doc = token.doc
    for size in (4, 3):
        if token.i + size <= len(doc):
            phrase = fold(doc[token.i:token.i + size].text).replace("’", "'")
            if phrase in lex.sector_nouns:
                return lex.sector_nouns[phrase]
    if token.i + 1 < len(doc):
        pair = fold(f"{token.text} {doc[token.i + 1].text}")
        if pair in lex.sector_nouns:
            return lex.sector_nouns[pair]
    return lex.sector_nouns.get(fold(token.text)) or lex.sector_nouns.get(fold(token.lemma_))
