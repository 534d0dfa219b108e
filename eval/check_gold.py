#!/usr/bin/env python3
"""Validate event gold sets (`eval/<set>/*.gold.json`), whatever their source text.

Each gold file names its text with `input` ("shared:datasets/...", see
`dateline.evals.load_text`: a `<doc>` corpus entry "…/corpus.xml#URL", a GeoWebNews article
"…/GWN.xml#N", a DWIE document "…/DW_n.json", a TimeBank document "…/name.tml") and stores only
offsets and hashes into it: the texts stay in ../shared (third-party copyright).

Checks per file: the text exists and matches `text_sha1`; every evidence and also-evidence span
is in range, inside one line, with a matching `evidence_sha1` (first 10 hex of the sha1 of the
slice); event types and modes are PLOVER 2.0 (and each mode appears in the manual's tables);
aux, optional, dates, locations, country codes and sectors are well formed; no input is
annotated twice across the sets given. Exit status 1 on any error.

Usage: python3 eval/check_gold.py [--stats] [--verbose] SET_DIR...
"""
import glob
import hashlib
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'src'))
from dateline.evals import load_text, shared_dir  # noqa: E402  (stdlib-only module)

REQ_REJ_MODES = {'assist', 'change', 'yield', 'meet'}
PLOVER_MODES = {
    'AGREE': set(), 'CONSULT': {'visit', 'third-party', 'multilateral', 'phone'},
    'SUPPORT': set(), 'CONCEDE': set(), 'COOPERATE': set(), 'AID': set(),
    'RETREAT': {'withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'},
    'REQUEST': REQ_REJ_MODES, 'ACCUSE': {'disapprove', 'investigate', 'allege'},
    'REJECT': REQ_REJ_MODES,
    'THREATEN': {'restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'},
    'PROTEST': {'demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'},
    'SANCTION': {'convict', 'expel', 'withdraw', 'discontinue'},
    'MOBILIZE': {'troops', 'weapons', 'police', 'militia'},
    'COERCE': {'seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport',
               'withhold', 'misinformation', 'cyber'},
    'ASSAULT': {'abduct', 'beat', 'torture', 'sexual', 'targeted', 'destroy', 'primitive',
                'firearms', 'explosives', 'suicide-attack', 'aerial', 'drone', 'heavy-weapons',
                'crowd-control', 'unconventional'},
}
AUX = {None, 'historical', 'future', 'hypothetical', 'negation'}
SECTORS = {'GOV', 'MIL', 'COP', 'JUD', 'LEG', 'OPP', 'PTY', 'REB', 'INS', 'CVL', 'LAB', 'BUS',
           'MED', 'EDU', 'REL', 'HLH', 'NGO', 'IGO', 'PRE', 'ELI', 'CRM', 'REF', 'SPY', 'AGR',
           'ENV', 'UAF', 'MOD', 'RAD', 'SEP', 'DEV', 'HRI', 'JEW', 'IMG'}
EVENT_KEYS = {'event', 'mode', 'actor', 'recipient', 'actor_sectors', 'recipient_sectors',
              'location', 'date', 'aux', 'optional', 'evidence_span', 'evidence_sha1',
              'also_evidence_spans', 'note'}
REQUIRED_KEYS = {'event', 'actor', 'recipient', 'aux', 'optional', 'evidence_span',
                 'evidence_sha1', 'note'}
DATE_RE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')
CODE_RE = re.compile(r'^[A-Z]{3}$')


def sha1(s):
    return hashlib.sha1(s.encode('utf-8')).hexdigest()


def manual_modes():
    path = shared_dir() / 'datasets/events/plover/PLOVER_MANUAL.tex'
    if not path.is_file():
        return None
    return {m.group(1) for m in re.finditer(r'^\s*([a-z][a-z-]*)\s*&', path.read_text('utf-8'), re.M)}


def span_text(errs, where, text, span):
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        errs.append(f'{where}: bad span {span!r}')
        return None
    s, e = span
    if not 0 <= s < e <= len(text):
        errs.append(f'{where}: span {span!r} out of range (len {len(text)})')
        return None
    seg = text[s:e]
    if '\n' in seg:
        errs.append(f'{where}: span crosses a line break')
    return seg


def check_event(errs, warns, w, ev, text, tex_modes):
    extra, missing = set(ev) - EVENT_KEYS, REQUIRED_KEYS - set(ev)
    if extra:
        errs.append(f'{w}: unknown keys {sorted(extra)}')
    if missing:
        errs.append(f'{w}: missing keys {sorted(missing)}')
        return None
    types = ev['event'] if isinstance(ev['event'], list) else [ev['event']]
    if not types or any(t not in PLOVER_MODES for t in types) or len(set(types)) != len(types):
        errs.append(f'{w}: bad event type {ev["event"]!r}')
        return None
    if 'mode' in ev:
        for m in ev['mode'] if isinstance(ev['mode'], list) else [ev['mode']]:
            if not any(m in PLOVER_MODES[t] for t in types):
                errs.append(f'{w}: mode {m!r} not a PLOVER mode of {types}')
            elif tex_modes is not None and m not in tex_modes:
                errs.append(f'{w}: mode {m!r} not in PLOVER_MANUAL.tex')
    for role in ('actor', 'recipient'):
        v = ev[role]
        if not isinstance(v, list) or any(not isinstance(c, str) or not CODE_RE.match(c) for c in v):
            errs.append(f'{w}: {role} must be a list of alpha-3 codes: {v!r}')
        sectors = ev.get(role + '_sectors')
        if sectors is not None and (not isinstance(sectors, list) or any(s not in SECTORS for s in sectors)):
            errs.append(f'{w}: {role}_sectors must be a list of sector codes {sorted(SECTORS)}: {sectors!r}')
    if ev['aux'] not in AUX:
        errs.append(f'{w}: bad aux {ev["aux"]!r}')
    if not isinstance(ev['optional'], bool):
        errs.append(f'{w}: optional must be a boolean')
    if 'date' in ev and not (isinstance(ev['date'], str) and DATE_RE.match(ev['date'])):
        errs.append(f'{w}: bad date {ev["date"]!r}')
    loc = ev.get('location')
    if 'location' in ev and not (isinstance(loc, dict) and set(loc) == {'name', 'country'}
                                 and CODE_RE.match(str(loc.get('country')))):
        errs.append(f'{w}: bad location {loc!r}')
    if not isinstance(ev['note'], str) or not ev['note'].strip():
        errs.append(f'{w}: empty note')
    seg = span_text(errs, w + ' evidence', text, ev['evidence_span'])
    if seg is not None:
        if sha1(seg)[:10] != ev['evidence_sha1']:
            errs.append(f'{w}: evidence_sha1 mismatch')
        if seg != seg.strip():
            warns.append(f'{w}: evidence has surrounding whitespace')
        if len(seg.split()) > 40:
            warns.append(f'{w}: evidence is long ({len(seg.split())} words)')
    for j, sp in enumerate(ev.get('also_evidence_spans', [])):
        span_text(errs, f'{w} also[{j}]', text, sp)
    return types


def check_file(path, errs, warns, seen_inputs, stats, tex_modes, verbose):
    name = os.path.relpath(path, HERE)
    try:
        gold = json.load(open(path, encoding='utf-8'))
    except ValueError as ex:
        errs.append(f'{name}: invalid JSON: {ex}')
        return
    if not isinstance(gold, dict) or 'events' not in gold:
        return  # not an event gold (eval/furniture is the cleaner's)
    reference = gold.get('input', '')
    try:
        text = load_text(reference)
    except (KeyError, OSError, ValueError) as ex:
        errs.append(f'{name}: cannot load input {reference!r}: {ex!r}')
        return
    if reference in seen_inputs:
        errs.append(f'{name}: input annotated twice ({seen_inputs[reference]})')
    seen_inputs[reference] = name
    if gold.get('text_sha1') != sha1(text):
        errs.append(f'{name}: text_sha1 mismatch')
    doc = gold.get('document', {})
    if doc.get('language') not in ('fr', 'en'):
        errs.append(f'{name}: document.language must be fr or en')
    if doc.get('published') is not None and not DATE_RE.match(doc['published']):
        errs.append(f'{name}: bad published {doc["published"]!r}')
    events = gold.get('events')
    if not isinstance(events, list):
        errs.append(f'{name}: events must be a list')
        return
    stats['articles'] += 1
    for i, ev in enumerate(events):
        types = check_event(errs, warns, f'{name}#{i}', ev, text, tex_modes)
        if types is None:
            continue
        stats['events'] += 1
        stats['optional' if ev['optional'] else 'required'] += 1
        stats[('opt:' if ev['optional'] else 'req:') + types[0]] += 1
        if verbose:
            print(f'{name}#{i:<3} {"/".join(types):<22} {ev.get("mode", "")}')


def main(argv):
    flags = {a for a in argv if a.startswith('--')}
    dirs = [a for a in argv if not a.startswith('--')] or sorted(
        d for d in glob.glob(os.path.join(HERE, '*')) if glob.glob(os.path.join(d, '*.gold.json')))
    tex_modes = manual_modes()
    errs, warns, seen, stats = [], [], {}, Counter()
    files = sorted(f for d in dirs for f in glob.glob(os.path.join(d, '*.gold.json')))
    for path in files:
        check_file(path, errs, warns, seen, stats, tex_modes, '--verbose' in flags)
    for m in warns:
        print('WARN', m)
    for m in errs:
        print('ERROR', m)
    print(f'{len(files)} files, {stats["articles"]} articles, {stats["events"]} events '
          f'({stats["required"]} scored, {stats["optional"]} optional); {len(errs)} errors, {len(warns)} warnings')
    if '--stats' in flags:
        for t in PLOVER_MODES:
            if stats['req:' + t] or stats['opt:' + t]:
                print(f'  {t:<10} {stats["req:" + t]:>4} scored / {stats["opt:" + t]:>4} optional')
    return 1 if errs else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
