"""Importer for PETRARCH2's CAMEO verb dictionary (`CAMEO.2.0.txt`, MIT, Open Event Data
Alliance) into the English verb lexicon `lang/en/verbs.toml`.

The dictionary's format (its header and PETRARCH's reader): synonym sets `&NAME` declared once
at the top with `+MEMBER` lines (`_` joins words); then verb blocks `--- NAME [code] ---` whose
lines are synonym verbs (`VERB {IRREGULAR FORMS} [own code]`, `+MULTI_WORD` verbs) and patterns
`- words * words [code]` (`*` is the verb; `$` the source, `+` the target, `(PREP words)` a
prepositional phrase, `{MULTI WORD}` a phrase, `&SET` a synonym set, `^` a skipped phrase,
`[---]` no event, `#` comments). A block's patterns apply to all of its verbs.

Only the blocks and codes that `kb/data/cameo_selection.toml` declares are imported (CAMEO is
noisy: most 01x/02x/03x codes and many patterns would be false events), and where dateline's
codebook (annotation.md) or the PLOVER manual differs from the CAMEO2PLOVER table, that file's
`override` table wins, each with its reason. Patterns become dependency-slot constraints for the
coder (object words, prepositional slots and their words, which slot is the actor and which the
recipient); verbs are written as lemmas, since spaCy's lemmatiser inflects them. Written by hand:
no maintained parser of this format exists on the package registry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

IMPORTER = "dateline.kb.cameo_verbs"
FORMAT_VERSION = 1
PETRARCH2_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"  # kb/phoenix/README.md
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


# --- the dictionary ------------------------------------------------------------------------
@dataclass
class Pattern:
    code: str | None  # None: [---], no event
    before: list[str]  # words before the verb (the subject side)
    after: list[str]  # free words after the verb: words, '{phrases}', '&SETS', '$', '+', '^'
    preps: list[tuple[str, list[str]]]  # (preposition, its words)
    line: int


@dataclass
class Block:
    name: str
    code: str | None
    verbs: dict[str, str | None] = field(default_factory=dict)  # lemma -> its own code (or the block's)
    phrasal: list[str] = field(default_factory=list)  # '+MULTI_WORD' verbs, not imported
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class Dictionary:
    sets: dict[str, list[str]]
    blocks: dict[str, Block]


def _code(text: str) -> str | None:
    """'0871:0871' -> '0871', ':173' -> '173', '---' -> None (source:target codes keep the first)."""
    parts = [p.strip() for p in text.split(":") if p.strip()]
    code = parts[0] if parts else "---"
    return None if code.startswith("---") else code


def _word(text: str) -> str:
    """'CEASE_FIRE' -> 'cease fire', 'KRONE_' -> 'krone'."""
    return " ".join(w for w in text.strip().lower().split("_") if w)


def _uncomment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def parse(text: str) -> Dictionary:
    sets: dict[str, list[str]] = {}
    blocks: dict[str, Block] = {}
    current_set: str | None = None
    block: Block | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("#"):
            continue
        header = _HEADER.match(raw)
        if header:
            block = Block(header.group(1), _code(header.group(2)))
            blocks[block.name] = block
            current_set = None
            continue
        line = _uncomment(raw).strip()
        if not line:
            continue
        if block is None:  # the synonym sets
            if line.startswith("&"):
                current_set = line[1:].split()[0]
                sets[current_set] = []
            elif line.startswith("+") and current_set is not None:
                sets[current_set].append(_word(line[1:].split("{")[0]))
            continue
        if line.startswith("-"):
            block.patterns.append(_pattern(line[1:], number))
            continue
        own = _CODE.search(line)
        word = line.split("{")[0].split("[")[0].strip()
        if not word:
            continue
        if word.startswith("+"):
            block.phrasal.append(_word(word[1:]))
            continue
        block.verbs[_word(word)] = _code(own.group(1)) if own else block.code
    return Dictionary(sets, blocks)


def _pattern(body: str, number: int) -> Pattern:
    found = _CODE.search(body)
    code = _code(found.group(1)) if found else None
    words = body[:found.start()] if found else body
    before: list[str] = []
    after: list[str] = []
    preps: list[tuple[str, list[str]]] = []
    seen_verb = False
    for token in _TOKEN.findall(words):
        if token == "*":
            seen_verb = True
        elif token.startswith("("):
            inner = _TOKEN.findall(token[1:-1])
            if inner:
                preps.append((inner[0].lower(), inner[1:]))
        else:
            (after if seen_verb else before).append(token)
    return Pattern(code, before, after, preps, number)


def plover_table(text: str) -> dict[str, tuple[str, str | None]]:
    """CAMEO2PLOVER: 'code: TYPE, mode, context # description' -> code -> (TYPE, mode)."""
    table: dict[str, tuple[str, str | None]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        code, _, rest = line.partition(":")
        fields = [f.strip() for f in rest.split(",")]
        if code.strip().isdigit() and fields and fields[0]:
            mode = fields[1] if len(fields) > 1 and fields[1] else None
            table.setdefault(code.strip(), (fields[0], mode))
    return table


# --- the selection -------------------------------------------------------------------------
def load_selection(path: Path | None = None) -> dict[str, Any]:
    source = path or resources.files("dateline.kb") / "data" / "cameo_selection.toml"
    return tomllib.loads(source.read_text("utf-8"))


def _plover(code: str, table: dict[str, tuple[str, str | None]], overrides: dict[str, dict[str, Any]],
            modes: dict[str, list[str]]) -> tuple[str, str | None, str] | None:
    """The PLOVER type and mode of a CAMEO code: the override, else CAMEO2PLOVER (the nearest
    shorter code when the exact one is missing); a mode the ontology lacks is dropped."""
    if code in overrides:
        over = overrides[code]
        return over["event"], over.get("mode"), f"override: {over['reason']}"
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            event, mode = table[code[:end]]
            if event not in modes:
                return None
            return event, mode if mode in modes[event] else None, f"CAMEO2PLOVER {code[:end]}"
    return None


def _constraint(pattern: Pattern) -> dict[str, Any] | None:
    """A pattern as slots on the dependency parse, or None when it needs what the coder does not
    read (subject words, several free object words, skipped phrases)."""
    if pattern.before or "^" in pattern.after:
        return None
    out: dict[str, Any] = {"objects": [], "preps": {}}
    free = [w for w in pattern.after if w not in {"$", "+"}]
    if len(free) > 1:
        return None
    if free:
        term = _term(free[0])
        if term is None:
            return None
        out["objects"].append(term)
    if "+" in pattern.after:
        out["recipient"] = "obj"
    if "$" in pattern.after:
        out["actor"] = "obj"
    for prep, words in pattern.preps:
        if "^" in words or not re.fullmatch(r"[a-z]+", prep):
            return None
        terms = [_term(w) for w in words if w not in {"$", "+"}]
        if len(terms) > 1 or None in terms:
            return None
        if "+" in words:
            out["recipient"] = prep
        if "$" in words:
            out["actor"] = prep
        out["preps"].setdefault(prep, []).extend(terms)
    return out


def _term(word: str) -> str | None:
    """'&CEASEFIRE' -> '&ceasefire' (a set), '{MASS RALLY}' -> 'mass rally', 'KILLINGS' -> 'killings';
    None for a phrase holding a set ('{&AIRCRAFT CRASH}'), which the coder does not read."""
    if word.startswith("&"):
        return "&" + word[1:].lower()
    if "&" in word:
        return None
    return _word(word.strip("{}").replace(" ", "_"))


def _null_words(pattern: Pattern) -> list[str]:
    """The head words of a [---] pattern ('* (IN ACCIDENT)', 'EARTHQUAKE *'): any of them near the
    verb rules the event out. A pattern of several free words (a clause) gives none."""
    if len(pattern.before) > 1 or len(pattern.after) > 1:
        return []
    words = [*pattern.before, *pattern.after, *(ws[-1] for _, ws in pattern.preps if ws)]
    terms = [_term(w) for w in words if w not in {"$", "+", "^"}]
    return [t for t in terms if t is not None]


def build(dictionary: Dictionary, table: dict[str, tuple[str, str | None]], selection: dict[str, Any],
          modes: dict[str, list[str]]) -> dict[str, Any]:
    """The verb entries the selection declares, with the synonym sets they name."""
    overrides = {o["code"]: o for o in selection.get("override", [])}
    excluded = {lemma for e in selection.get("exclude", []) for lemma in e["lemmas"]}
    entries: list[dict[str, Any]] = []
    skipped = 0
    for chosen in selection.get("select", []):
        block = dictionary.blocks.get(chosen["block"])
        if block is None:
            raise ValueError(f"cameo selection: no verb block {chosen['block']!r}")
        verbs = [v for v in block.verbs if v not in excluded and (not chosen.get("verbs") or v in chosen["verbs"])]
        codes = set(chosen["codes"])
        exclude = sorted({w for p in block.patterns if p.code is None for w in _null_words(p)}
                         | set(chosen.get("exclude", [])))
        base = {"coder": chosen["coder"], "options": chosen.get("options", {})}
        if chosen.get("bare", True):
            by_code: dict[str, list[str]] = {}
            for verb in verbs:
                code = block.verbs[verb]
                if code in codes:
                    by_code.setdefault(code, []).append(verb)
            for code, lemmas in by_code.items():
                typed = _plover(code, table, overrides, modes)
                if typed is not None:
                    entries.append(_entry(block.name, code, typed, lemmas, {}, exclude, chosen, base))
        merged: dict[tuple[str, str, str, str | None], dict[str, Any]] = {}
        for pattern in block.patterns if chosen.get("patterns", False) else []:
            if pattern.code not in codes:
                continue
            slots = _constraint(pattern)
            typed = _plover(pattern.code, table, overrides, modes) if slots is not None else None
            if slots is None or typed is None or not (slots["objects"] or slots["preps"]):
                skipped += 1
                continue
            # forms a pattern's word lacks ('SENTENCES': 'sentence'), named by the selection's `forms`
            slots["objects"] += [f for o in slots["objects"] for f in chosen.get("forms", {}).get(o, [])]
            key = (pattern.code, json.dumps(sorted(slots["preps"].items())), slots.get("actor", ""),
                   slots.get("recipient"))
            if key in merged and slots["objects"] and merged[key]["objects"]:
                merged[key]["objects"] = sorted({*merged[key]["objects"], *slots["objects"]})
                continue
            if key in merged:
                key = (*key[:3], f"{key[3]}#{pattern.line}")
            merged[key] = _entry(block.name, pattern.code, typed, verbs, slots, exclude, chosen, base)
        entries.extend(merged.values())
    used = sorted({w[1:] for e in entries for w in [*e["objects"], *(x for ws in e["preps"].values() for x in ws),
                                                     *e["exclude"]] if w.startswith("&")})
    missing = [name for name in used if name.upper() not in dictionary.sets]
    if missing:
        raise ValueError(f"cameo dictionary: undeclared synonym sets {missing}")
    sets = {name: sorted(set(dictionary.sets[name.upper()])) for name in used}
    return {"sets": sets, "verbs": entries, "skipped_patterns": skipped}


def _entry(block: str, code: str, typed: tuple[str, str | None, str], lemmas: list[str], slots: dict[str, Any],
           exclude: list[str], chosen: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    event, mode, why = typed
    entry: dict[str, Any] = {"cameo": code, "block": block, "event": event}
    if mode:
        entry["mode"] = mode
    entry |= {"lemmas": sorted(lemmas), "objects": sorted(slots.get("objects", [])),
              "preps": {p: sorted(set(ws)) for p, ws in sorted(slots.get("preps", {}).items())},
              "exclude": exclude, "actor": slots.get("actor", chosen.get("actor", "subj"))}
    recipient = slots.get("recipient", chosen.get("recipient"))
    if recipient:
        entry["recipient"] = recipient
    entry |= base
    entry["source"] = why
    return entry


# --- writing -------------------------------------------------------------------------------
def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_value(v)}" for k, v in value.items()) + " }" if value else "{}"
    raise TypeError(f"cannot write {value!r} as TOML")


def to_toml(data: dict[str, Any]) -> str:
    lines = ["# English verb lexicon imported from PETRARCH2's CAMEO verb dictionary by",
             "# `dateline kb import cameo-verbs` (generated: edit kb/data/cameo_selection.toml and re-import;",
             "# hand-written entries of events.toml take precedence for the same lemma and type).", "",
             "[provenance]"]
    lines += [f"{k} = {_value(v)}" for k, v in data["provenance"].items() if k != "inputs"]
    for item in data["provenance"]["inputs"]:
        lines += ["", "[[provenance.inputs]]", *(f"{k} = {_value(v)}" for k, v in item.items())]
    lines += ["", "# Synonym sets, declared once (named '&name' in the entries below).", "[sets]"]
    lines += [f"{name} = {_value(members)}" for name, members in data["sets"].items()]
    for entry in data["verbs"]:
        lines += ["", "[[verbs]]", *(f"{k} = {_value(v)}" for k, v in entry.items())]
    return "\n".join(lines) + "\n"


def _shown(path: Path) -> str:
    """A path from the shared datasets folder on ('datasets/kb/phoenix/CAMEO.2.0.txt'), else as given."""
    parts = path.resolve().parts
    return "/".join(parts[parts.index("datasets"):]) if "datasets" in parts else str(path)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def import_verbs(cameo: Path, plover: Path, target: Path, selection: Path | None = None,
                 modes: dict[str, list[str]] | None = None, today: dt.date | None = None) -> dict[str, Any]:
    """Read the dictionary and the CAMEO2PLOVER table, write `target`; returns the data written."""
    if modes is None:
        from dateline.plover import ontology

        onto = ontology()
        modes = {t: list(onto.modes.get(t, ())) for t in onto.types}
    chosen = load_selection(selection)
    built = build(parse(cameo.read_text("utf-8", errors="replace")), plover_table(plover.read_text("utf-8")),
                  chosen, modes)
    inputs = [{"path": _shown(p), "sha256": _sha256(p)} for p in (cameo, plover)]
    if selection is not None:
        inputs.append({"path": _shown(selection), "sha256": _sha256(selection)})
    data = {"provenance": {"importer": IMPORTER, "format": FORMAT_VERSION, "petrarch2_commit": PETRARCH2_COMMIT,
                           "date": (today or dt.date.today()).isoformat(), "license": "MIT (PETRARCH2 dictionaries)",
                           "skipped_patterns": built["skipped_patterns"], "inputs": inputs},
            "sets": built["sets"], "verbs": built["verbs"]}
    target.write_text(to_toml(data), "utf-8")
    return data
