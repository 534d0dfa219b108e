"""The `clean` stage: story body, title, section, dateline, agency and language of a text.

Scraped pages keep their furniture (reading time, share bars, address, copyright ...). The
cleaner classifies each line with the language's patterns (`lang/<code>/clean.toml`), reads
the dateline, and keeps every line of the story itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from dateline.kb import AgencyMatch, load_kb
from dateline.lang import available_languages, load_language
from dateline.resolve.times import month_alternation
from dateline.textutil import fold

STORY_MIN_WORDS = 12
SIGNATURE_MAX_WORDS = 3
PARAGRAPH_MIN_WORDS = 25
DATELINE_MAX_PARAGRAPHS_BEFORE = 3


@dataclass
class DatelineInfo:
    text: str
    place_text: str | None
    date_text: str | None
    agency_text: str | None


@dataclass
class CleanDocument:
    text: str
    language: str
    title: str | None = None
    section: str | None = None
    agency: AgencyMatch | None = None
    dateline: DatelineInfo | None = None
    warnings: list[str] = field(default_factory=list)
    author: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class _Patterns:
    furniture: tuple[tuple[str, re.Pattern[str]], ...]
    datelines: tuple[re.Pattern[str], ...]
    trailers: tuple[re.Pattern[str], ...]
    social: re.Pattern[str]
    section_max_words: int
    join_after: frozenset[str]
    split_after: tuple[re.Pattern[str], ...]
    split_before: re.Pattern[str] | None
    blocks: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    inline_kinds: frozenset[str]


@cache
def _patterns(lang: str) -> _Patterns:
    data = load_language(lang).clean
    months = month_alternation(lang)
    furniture = tuple((kind, re.compile(rx, re.IGNORECASE)) for kind, rxs in data.furniture.items() for rx in rxs)
    datelines = tuple(re.compile(rx.replace("{MONTH}", months)) for rx in data.dateline.patterns)
    trailers = tuple(re.compile(rx) for rx in data.dateline.trailers)
    names = sorted(data.social.names, key=len, reverse=True)
    social = re.compile("(?:" + "|".join(map(re.escape, names)) + ")+", re.IGNORECASE)
    lines = data.lines
    blocks = tuple((re.compile(b.start, re.IGNORECASE), re.compile(b.end, re.IGNORECASE)) for b in data.blocks)
    return _Patterns(furniture, datelines, trailers, social, data.header.section_max_words,
                     frozenset(lines.join_after), tuple(re.compile(rx) for rx in lines.split_after),
                     re.compile("|".join(f"(?:{rx})" for rx in lines.split_before)) if lines.split_before else None,
                     blocks, frozenset(lines.inline_kinds))


# Among the languages dateline has data for, English or French text scores over 0.85, a German or
# Spanish sentence about 0.75, an Italian one 0.57: below DOUBTFUL the detector of all languages is
# asked, and its answer stands only when it is CONFIDENT (an Italian sentence: 1.0; a headline of
# names such as "Biden meets Xi in San Francisco": Basque 0.44, so English stays). Its trigrams
# alone are overconfident on names: a 100-character English wire lead scored 0.86 English among
# the candidates and 0.95 Tagalog among all languages, hence the doubt comes first.
DOUBTFUL = 0.8
CONFIDENT = 0.95


@cache
def _candidate_detector():  # noqa: ANN202 - lingua's type is internal
    """lingua restricted to the languages of `lang/`: a short text (under about 120 characters)
    makes lingua load every n-gram model of every candidate, which for all 75 languages was
    +830 MB and 5-7 s; for two it is under 100 MB."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in available_languages()]
    return LanguageDetectorBuilder.from_languages(*languages).build()


@cache
def _detector():  # noqa: ANN202 - lingua's type is internal
    """All of lingua's languages, trigrams only (its low-accuracy mode): for a text that is in none
    of the candidate languages, whose code is reported but which is not coded."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


LANGUAGE_SAMPLE_CHARS = 600


def language_sample(text: str) -> str:
    """The longest lines first: story sentences, not the menus and labels around them.
    600 characters give lingua's answer on the whole text for 199 of 200 benchmark pages."""
    lines = sorted((line.strip() for line in text.splitlines()), key=len, reverse=True)
    return " ".join(lines)[:LANGUAGE_SAMPLE_CHARS]


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (lingua, offline); 'und' if unknown."""
    sample = language_sample(text)
    candidates = _candidate_detector().compute_language_confidence_values(sample)
    if not candidates or candidates[0].value == 0.0:
        return "und"  # no letters: digits, punctuation
    best = candidates[0]
    if best.value < DOUBTFUL:
        other = _detector().compute_language_confidence_values(sample)
        if other and other[0].value >= CONFIDENT:
            best = other[0]
    return best.language.iso_code_639_1.name.lower()


def furniture_kind(line: str, patterns: _Patterns) -> str | None:
    """Which kind of page furniture a stripped line is, if any."""
    compact = re.sub(r"[\s|•·/,;-]+", "", line)
    if compact and len(compact) >= 4 and patterns.social.fullmatch(compact):
        return "social"
    for kind, pattern in patterns.furniture:
        if pattern.search(line) and not _is_story_line(line, kind):
            return kind
    return None


def _is_story_line(line: str, kind: str) -> bool:
    """Long sentences are story, even when a furniture word appears in them."""
    return kind in {"address", "labels"} and len(line.split()) >= STORY_MIN_WORDS


def _story_like(line: str) -> bool:
    words = line.split()
    return len(words) >= STORY_MIN_WORDS or (len(words) >= 6 and line.rstrip()[-1:] in ".!?»\"")


def _match_dateline(line: str, patterns: _Patterns) -> re.Match[str] | None:
    """A dateline opening the line; a dateline alone on its line ("Paris (CNN)") must name a
    known agency, and so must a bare "(AGENCY)" opening."""
    for pattern in patterns.datelines:
        match = pattern.match(line)
        if not match:
            continue
        groups = match.groupdict()
        needs_agency = len(line) == match.end() or not (groups.get("place") or groups.get("date"))
        if needs_agency and not (groups.get("agency") and load_kb().match_agency(groups["agency"])):
            continue
        return match
    return None


def _signature(line: str) -> AgencyMatch | None:
    line = line.strip("-–—•()[] ")
    if not line or len(line.split()) > SIGNATURE_MAX_WORDS:
        return None
    return load_kb().match_agency(line)


def _choose_title(header: list[str], all_lines: list[str]) -> str | None:
    candidates = [line for line in header if len(line.split()) >= 3]
    repeated = [line for line in candidates if all_lines.count(line) >= 2]
    if repeated:
        return repeated[0]
    return max(candidates, key=len) if candidates else None


def _choose_section(header: list[str], title: str | None, max_words: int) -> str | None:
    for line in header:
        if line == title:
            return None
        if len(line.split()) <= max_words and line[-1:] not in ".!?:":
            return line
    return None


def _split_header(lines: list[str], patterns: _Patterns) -> tuple[int, re.Match[str] | None]:
    """Index of the first story line, and the dateline match on it if there is one. A dateline
    opens the story: it is looked for before the story's paragraphs (titles and captions may come
    first), never after them (a second, appended story may have its own)."""
    paragraphs = 0
    for index, line in enumerate(lines):
        if furniture_kind(line, patterns):
            continue
        match = _match_dateline(line, patterns)
        if match:
            return index, match
        paragraphs += len(line.split()) >= PARAGRAPH_MIN_WORDS
        if paragraphs >= DATELINE_MAX_PARAGRAPHS_BEFORE:
            break
    for index, line in enumerate(lines):
        if _story_like(line) and not furniture_kind(line, patterns):
            return index, None
    return 0, None


def _strip_trailer(line: str, patterns: _Patterns) -> tuple[str, str | None]:
    for pattern in patterns.trailers:
        match = pattern.search(line)
        if match and load_kb().match_agency(match.group("agency").split("/")[0]):
            return line[: match.start()].rstrip(), match.group("agency")
    return line, None


def _body_lines(
    lines: list[str], title: str | None, patterns: _Patterns
) -> tuple[list[str], list[AgencyMatch]]:
    """Story lines kept, and the agency signatures seen among the furniture."""
    kept: list[str] = []
    signatures: list[AgencyMatch] = []
    in_footer = False
    for line in lines:
        kind = furniture_kind(line, patterns)
        signature = None if kind else _signature(line)
        if kind or signature or line == title:
            if signature:
                signatures.append(signature)
            in_footer = in_footer or bool(kept) and line != title and kind not in patterns.inline_kinds
            continue
        if in_footer and not _story_like(line):
            continue
        kept.append(line)
    return kept, signatures


def _copyright_agency(lines: list[str]) -> AgencyMatch | None:
    for line in lines:
        match = re.match(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<name>[^\d].{1,40})$", line, re.I)
        if match:
            found = load_kb().match_agency(match.group("name").strip())
            if found:
                return found
    return None


# A sentence glued to the next one where a paragraph break was lost ("mandat.La semaine").
_GLUED = re.compile(r"(?<=[a-zà-ÿ0-9][a-zà-ÿ0-9][.!?])(?=(?:[«“\"][\xa0\u202f ]?)?(?:[A-ZÀ-ÖØ-Þ][a-zà-ÿ’']|À\s))"
                    r"|(?<=[A-Z0-9]{3}[.!?])(?=(?:[«“][\xa0\u202f ]?)?[A-ZÀ-ÖØ-Þ][a-zà-ÿ’']|À\s)"  # "GMT.Le", "M5S.«Le"
                    r"|(?<=[»”][.!?])(?=(?:[«“][\xa0\u202f ]?)?[A-ZÀ-ÖØ-Þ][a-zà-ÿ’'])"  # "n'existerions pas».«Ces …"
                    r"|(?<=[a-zà-ÿ][.!?][»”\"])(?=[A-ZÀ-ÖØ-Þ])|(?<=[.!?])\s*(?=• )|(?<=[a-zà-ÿ]{2})(?=À\s)")
# Where a related-link label's headline ends: a run of spaces or a word glued to the next one.
_LABEL_TAIL = re.compile(r"[\s\xa0]{3,}|(?<=[a-zà-ÿ]{2})(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ]{2})")
_CONTINUES = re.compile(r"^[a-zà-ÿ0-9,;:)%$€£]")


def _lines(raw: str) -> list[str]:
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return [line for line in lines if line]


def _normalise(lines: list[str], patterns: _Patterns) -> list[str]:
    """Paragraph lines: glued paragraphs split, hard-wrapped or link-broken lines joined, and
    furniture blocks (video players ...) removed."""
    out: list[str] = []
    for line in _drop_blocks(lines, patterns):
        for part in (p for piece in _split_after(line, patterns) for p in _GLUED.split(piece)):
            part = part.strip()
            if part and out and _continues(out[-1], part, patterns):
                out[-1] = f"{out[-1]} {part}"
            elif part:
                out.append(part)
    return out


def _split_after(line: str, patterns: _Patterns) -> list[str]:
    """Cut a line after a glued photo credit ("Getty ImagesScuffles broke out") and before an
    inline label ("... colère. À LIRE AUSSI: ..."), whose headline is cut off in turn."""
    cuts = {m.end() for rx in patterns.split_after for m in rx.finditer(line)
            if m.end() < len(line) and not (line[m.end()].islower() or line[m.end()] in "/-")}
    for label in patterns.split_before.finditer(line) if patterns.split_before else ():
        cuts.add(label.start())
        tail = _LABEL_TAIL.search(line, label.end() + 3)
        if tail:
            cuts.add(tail.start())
    cuts.discard(0)
    if not cuts:
        return [line]
    bounds = [0, *sorted(cuts), len(line)]
    return [line[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _continues(previous: str, line: str, patterns: _Patterns) -> bool:
    if previous[-1:] in ".!?:»”\"" or furniture_kind(previous, patterns) or furniture_kind(line, patterns):
        return False
    last_word = previous.rsplit(None, 1)[-1].lower()
    return bool(_CONTINUES.match(line)) or last_word in patterns.join_after


def _drop_blocks(lines: list[str], patterns: _Patterns, max_block: int = 15) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(lines):
        start = next((end for begin, end in patterns.blocks if begin.search(lines[index])), None)
        if start is None:
            out.append(lines[index])
            index += 1
            continue
        stop = next((j for j in range(index + 1, min(len(lines), index + max_block)) if start.search(lines[j])), index)
        index = stop + 1
    return out


def _unsupported(lines: list[str], lang: str) -> CleanDocument:
    return CleanDocument(text="\n\n".join(lines), language=lang, warnings=[f"no pipeline for language {lang!r}"])


def _dateline_info(match: re.Match[str]) -> DatelineInfo:
    return DatelineInfo(
        text=match.group(0).strip(),
        place_text=match.groupdict().get("place"),
        date_text=match.groupdict().get("date"),
        agency_text=match.groupdict().get("agency"),
    )


def clean_text(raw: str, language: str | None = None) -> CleanDocument:
    """Clean a plain-text report (header, furniture, dateline, footer): pure function of its input."""
    lines = _lines(raw)
    lang = language or detect_language(raw)
    if lang not in available_languages():
        return _unsupported(lines, lang)
    patterns = _patterns(lang)
    lines = _normalise(lines, patterns)
    start, dateline_match = _split_header(lines, patterns)
    header = [line for line in lines[:start] if not furniture_kind(line, patterns)]
    title = _choose_title(header, lines)
    section = _choose_section(header, title, patterns.section_max_words)

    dateline = None
    story = lines[start:]
    if dateline_match:
        dateline = _dateline_info(dateline_match)
        rest = lines[start][dateline_match.end():].strip()
        story = [rest, *story[1:]] if rest else story[1:]

    kept, signatures = _body_lines(story, title, patterns)
    trailer_agency = None
    if kept:
        kept[-1], trailer_agency = _strip_trailer(kept[-1], patterns)
    agency = _agency(dateline, trailer_agency, signatures, lines)
    return CleanDocument(
        text="\n\n".join(kept), language=lang, title=title, section=section,
        agency=agency, dateline=dateline,
    )


def clean_body(raw: str, language: str | None = None, title: str | None = None) -> CleanDocument:
    """Clean a body that an extractor already cut out of its page: no header or footer to find,
    only furniture lines, a repeated title, the dateline and an agency trailer."""
    lines = _lines(raw)
    lang = language or (detect_language(raw) if lines else "und")
    if lang not in available_languages():
        return _unsupported(lines, lang)
    patterns = _patterns(lang)
    lines = _normalise(lines, patterns)
    folded_title = fold(title) if title else None
    kept: list[str] = []
    signatures: list[AgencyMatch] = []
    dateline = None
    for line in lines:
        if not kept and folded_title and fold(line) == folded_title:
            continue
        if furniture_kind(line, patterns):
            continue
        signature = _signature(line)
        if signature:
            signatures.append(signature)
            continue
        if dateline is None and len(kept) <= 1:
            match = _match_dateline(line, patterns)
            if match:
                dateline = _dateline_info(match)
                line = line[match.end():].strip()
        kept.append(line)
    trailer_agency = None
    if kept:
        kept[-1], trailer_agency = _strip_trailer(kept[-1], patterns)
    return CleanDocument(text="\n\n".join(k for k in kept if k), language=lang, title=title,
                         agency=_agency(dateline, trailer_agency, signatures, lines), dateline=dateline)


def _agency(
    dateline: DatelineInfo | None,
    trailer: str | None,
    signatures: list[AgencyMatch],
    lines: list[str],
) -> AgencyMatch | None:
    kb = load_kb()
    if dateline and dateline.agency_text:
        found = kb.match_agency(dateline.agency_text)
        if found:
            return found
    if trailer:
        found = kb.match_agency(trailer.split("/")[0])
        if found:
            return found
    if signatures:
        return max(signatures, key=lambda match: match.score)
    return _copyright_agency(lines)
