#!/usr/bin/env python3
"""Validate the fr-wire PLOVER gold files (*.gold.json in this folder).

The article texts are NOT stored here (publishers' copyright). They are rebuilt
from the shared corpus exactly as the annotation did:

    raw = open(<shared>/datasets/news/fr-wire/fr_CA_corpus.xml, encoding='utf-8').read()
    docs = {m.group(1): m.group(2)
            for m in re.finditer(r'<doc url=(\\S+)\\s*>\\n(.*?)\\n</doc>', raw, re.S)}

<shared> is $DATELINE_SHARED if set, else the first `shared/` directory found
next to this folder or one of its parents (normally /work/shared, i.e. ../shared
seen from the repository root).

Checks: input URL present in the corpus, text_sha1, every evidence span in
range with a matching evidence_sha1 (first 10 hex of sha1 of the slice), event
types and modes from PLOVER 2.0, aux values, country-code lists, dates, and a
few structural rules. Exit status 1 on any error. `--stats` prints counts.

Usage: python3 check_gold.py [--stats] [--verbose]
"""
import glob
import hashlib
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_REL = 'datasets/news/fr-wire/fr_CA_corpus.xml'
INPUT_PREFIX = 'shared:' + CORPUS_REL + '#'

# PLOVER 2.0 (PLOVER_MANUAL.tex, "DRAFT Version: 2.0"): event types and their mode tables.
REQ_REJ_MODES = {'assist', 'change', 'yield', 'meet'}
PLOVER_MODES = {
    'AGREE': set(),
    'CONSULT': {'visit', 'third-party', 'multilateral', 'phone'},
    'SUPPORT': set(),
    'CONCEDE': set(),
    'COOPERATE': set(),
    'AID': set(),
    'RETREAT': {'withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'},
    'REQUEST': REQ_REJ_MODES,
    'ACCUSE': {'disapprove', 'investigate', 'allege'},
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
NONSTATE = {'IGO', 'UNO', 'EUR', 'NGO', 'ISM', 'IMG', 'MNC'}
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


def find_shared():
    env = os.environ.get('DATELINE_SHARED')
    if env:
        return env
    d = HERE
    while True:
        cand = os.path.join(d, 'shared')
        if os.path.isfile(os.path.join(cand, CORPUS_REL)):
            return cand
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    sys.exit(f'cannot find shared/{CORPUS_REL}; set DATELINE_SHARED')


def load_docs(shared):
    raw = open(os.path.join(shared, CORPUS_REL), encoding='utf-8').read()
    return {m.group(1): m.group(2)
            for m in re.finditer(r'<doc url=(\S+)\s*>\n(.*?)\n</doc>', raw, re.S)}


def manual_modes(shared):
    """Cross-check: every mode name used must also appear in the manual's tables."""
    p = os.path.join(shared, 'datasets/events/plover/PLOVER_MANUAL.tex')
    if not os.path.isfile(p):
        return None
    tex = open(p, encoding='utf-8').read()
    return {m.group(1) for m in re.finditer(r'^\s*([a-z][a-z-]*)\s*&', tex, re.M)}


def sha1(s):
    return hashlib.sha1(s.encode('utf-8')).hexdigest()


def check_span(errs, where, text, span):
    if (not isinstance(span, list) or len(span) != 2
            or not all(isinstance(x, int) for x in span)):
        errs.append(f'{where}: bad span {span!r}')
        return None
    s, e = span
    if not (0 <= s < e <= len(text)):
        errs.append('%s: span %r out of range (len %d)' % (where, span, len(text)))
        return None
    return text[s:e]


def main():
    verbose = '--verbose' in sys.argv
    shared = find_shared()
    docs = load_docs(shared)
    tex_modes = manual_modes(shared)
    files = sorted(glob.glob(os.path.join(HERE, '*.gold.json')))
    errs, warns = [], []
    stats = Counter()
    per_type = Counter()
    per_type_opt = Counter()
    urls = set()
    for f in files:
        name = os.path.basename(f)
        try:
            d = json.load(open(f, encoding='utf-8'))
        except Exception as ex:  # noqa: BLE001
            errs.append(f'{name}: invalid JSON: {ex}')
            continue
        inp = d.get('input', '')
        if not inp.startswith(INPUT_PREFIX):
            errs.append(f'{name}: input must start with {INPUT_PREFIX!r}')
            continue
        url = inp[len(INPUT_PREFIX):]
        if url not in docs:
            errs.append(f'{name}: URL not in corpus: {url}')
            continue
        if url in urls:
            errs.append(f'{name}: URL annotated twice: {url}')
        urls.add(url)
        text = docs[url]
        if d.get('text_sha1') != sha1(text):
            errs.append(f'{name}: text_sha1 mismatch')
        doc = d.get('document', {})
        if doc.get('language') != 'fr':
            errs.append(f'{name}: document.language must be fr')
        pub = doc.get('published')
        if pub is not None and not DATE_RE.match(pub):
            errs.append(f'{name}: bad published {pub!r}')
        if doc.get('agency') not in (None, 'AFP', 'AP'):
            errs.append('{}: unexpected agency {!r}'.format(name, doc.get('agency')))
        events = d.get('events')
        if not isinstance(events, list) or not events:
            errs.append(f'{name}: no events')
            continue
        stats['articles'] += 1
        seen_spans = set()
        for i, ev in enumerate(events):
            w = '%s#%d' % (name, i)
            extra = set(ev) - EVENT_KEYS
            missing = REQUIRED_KEYS - set(ev)
            if extra:
                errs.append(f'{w}: unknown keys {sorted(extra)}')
            if missing:
                errs.append(f'{w}: missing keys {sorted(missing)}')
                continue
            for role in ('actor_sectors', 'recipient_sectors'):
                sec = ev.get(role)
                if sec is not None and (not isinstance(sec, list) or any(x not in SECTORS for x in sec)):
                    errs.append(f'{w}: {role} must be a list of sector codes: {sec!r}')
            types = ev['event'] if isinstance(ev['event'], list) else [ev['event']]
            if not types or any(t not in PLOVER_MODES for t in types):
                errs.append('{}: bad event type {!r}'.format(w, ev['event']))
                continue
            if len(set(types)) != len(types):
                errs.append(f'{w}: duplicate types in {types!r}')
            if 'mode' in ev:
                modes = ev['mode'] if isinstance(ev['mode'], list) else [ev['mode']]
                for m in modes:
                    if not any(m in PLOVER_MODES[t] for t in types):
                        errs.append(f'{w}: mode {m!r} not a PLOVER mode of {types}')
                    if tex_modes is not None and m not in tex_modes:
                        errs.append(f'{w}: mode {m!r} not found in PLOVER_MANUAL.tex')
            for role in ('actor', 'recipient'):
                v = ev[role]
                if not isinstance(v, list) or any(
                        not isinstance(c, str) or not CODE_RE.match(c) for c in v):
                    errs.append(f'{w}: {role} must be a list of alpha-3 codes: {v!r}')
            if not ev['actor']:
                warns.append(f'{w}: empty actor list')
            if ev['aux'] not in AUX:
                errs.append('{}: bad aux {!r}'.format(w, ev['aux']))
            if not isinstance(ev['optional'], bool):
                errs.append(f'{w}: optional must be a boolean')
            if 'date' in ev and not (isinstance(ev['date'], str) and DATE_RE.match(ev['date'])):
                errs.append('{}: bad date {!r}'.format(w, ev['date']))
            if 'location' in ev:
                loc = ev['location']
                if (not isinstance(loc, dict) or set(loc) != {'name', 'country'}
                        or not CODE_RE.match(str(loc.get('country')))):
                    errs.append(f'{w}: bad location {loc!r}')
            if not isinstance(ev['note'], str) or not ev['note'].strip():
                errs.append(f'{w}: empty note')
            seg = check_span(errs, w + ' evidence', text, ev['evidence_span'])
            if seg is not None:
                if sha1(seg)[:10] != ev['evidence_sha1']:
                    errs.append(f'{w}: evidence_sha1 mismatch')
                if seg != seg.strip():
                    warns.append(f'{w}: evidence has surrounding whitespace')
                key = tuple(ev['evidence_span'])
                if key in seen_spans:
                    warns.append(f'{w}: evidence span reused by another event')
                seen_spans.add(key)
                nwords = len(seg.split())
                if nwords > 40:
                    warns.append('%s: evidence is long (%d words)' % (w, nwords))
                if '\n' in seg:
                    errs.append(f'{w}: evidence spans a line break')
            for j, sp in enumerate(ev.get('also_evidence_spans', [])):
                s2 = check_span(errs, '%s also[%d]' % (w, j), text, sp)
                if s2 is not None and '\n' in s2:
                    errs.append('%s also[%d]: spans a line break' % (w, j))
            stats['events'] += 1
            stats['optional' if ev['optional'] else 'required'] += 1
            key = '/'.join(types)
            per_type[types[0]] += 0 if ev['optional'] else 1
            per_type_opt[types[0]] += 1 if ev['optional'] else 0
            stats['aux:' + str(ev['aux'])] += 1
            if len(types) > 1:
                stats['multi-type'] += 1
            if verbose:
                print('%-70s %-22s %s' % (w, key, ev.get('mode', '')))
    for m in warns:
        print('WARN', m)
    for m in errs:
        print('ERROR', m)
    print('%d files, %d articles, %d events (%d non-optional, %d optional); %d errors, %d warnings'
          % (len(files), stats['articles'], stats['events'], stats['required'],
             stats['optional'], len(errs), len(warns)))
    if '--stats' in sys.argv:
        print('per type (first listed type): non-optional / optional')
        for t in PLOVER_MODES:
            if per_type[t] or per_type_opt[t]:
                print('  %-10s %3d / %3d' % (t, per_type[t], per_type_opt[t]))
        print('aux:', {k[4:]: v for k, v in stats.items() if k.startswith('aux:')})
        print('events with a list of acceptable types:', stats['multi-type'])
    return 1 if errs else 0


if __name__ == '__main__':
    sys.exit(main())
