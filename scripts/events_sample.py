#!/usr/bin/python3
"""Hand-check sample of rasd's events on SaudiNewsNet articles about Syria/Iraq.

Selects the SaudiNewsNet articles whose title or body mentions Syria or Iraq,
writes them as JSON Lines, runs `rasd analyze FILE --jsonl` over them (no
database), counts events per type, mode and modality, and prints a seeded
random sample of events with their sentence and arguments for checking by
hand (docs/events.md, "Hand check on SaudiNewsNet Syria/Iraq articles").

Matching (after removing tashkeel and tatweel and folding أ/إ/آ to ا): a
whole word that is سوريا or سورية or العراق, optionally after the proclitics
و/ف then ب/ل/ك (والعراق, بالعراق, للعراق, لسوريا, وسورية ...). Articles whose
body is an exact copy of an earlier selected one are dropped (first kept,
in file order), so syndicated copies are not counted twice.

Standard library only. Usage:
  scripts/events_sample.py [--rasd build/src/cli/rasd] [--data DIR]
                           [--seed 20150721] [--n 30] [--out FILE.jsonl]
                           [--types ASSAULT,COERCE]

--types restricts only the sample (not the counts) to events of the listed
types; the sample is then random.Random(SEED).sample over those events in
document order.
"""
import argparse
import collections
import glob
import json
import os
import random
import re
import subprocess
import sys
import zipfile

TASHKEEL = re.compile('[\u064B-\u0652\u0670\u0640]')
ALEF = re.compile('[\u0623\u0625\u0622]')
# \w covers Arabic letters, so (?<!\w)/(?!\w) are word boundaries.
MENTION = re.compile(
    r'(?<!\w)(?:'
    r'[وف]?[بلك]?(?:سوريا|سورية)'      # سوريا، وسوريا، لسوريا، بسورية
    r'|[وف]?[بك]?العراق|[وف]?للعراق'   # العراق، والعراق، بالعراق، للعراق
    r')(?!\w)')


def normalize(s):
    return ALEF.sub('ا', TASHKEEL.sub('', s))


def select(data_dir):
    """Returns (selected articles, number matched before removing copies)."""
    seen, out, matched = set(), [], 0
    for path in sorted(glob.glob(os.path.join(data_dir, '*.zip'))):
        with zipfile.ZipFile(path) as zf:
            for name in sorted(zf.namelist()):
                for art in json.loads(zf.read(name).decode('utf-8')):
                    text = (art.get('title') or '') + '\n' + (art.get('content') or '')
                    if not MENTION.search(normalize(text)):
                        continue
                    matched += 1
                    body = art.get('content') or ''
                    if body in seen:
                        continue
                    seen.add(body)
                    out.append(art)
    return out, matched


def span_text(data, span):
    return data[span['begin']:span['end']].decode('utf-8')


def describe_args(ev):
    agents = ', '.join(a.get('text', '') + (' [claimed]' if a.get('claimed') else '')
                       for a in ev.get('agents') or []) or '-'
    targets = ', '.join(t.get('text', '') for t in ev.get('targets') or []) or '-'
    loc = ev.get('location')
    if loc:
        loc = '%s -> %s (%s)' % (loc.get('text', ''), loc.get('name', ''), loc.get('country', ''))
        within = ev['location'].get('within')
        if within:
            loc += ' within %s' % (within.get('name', within) if isinstance(within, dict) else within)
    date = '%s (from %s)' % (ev.get('date', '-'), ev.get('date_from', 'text'))
    if ev.get('date_relative'):
        date += ' relative=%s' % ev['date_relative']
    counts = '; '.join('%s=%s "%s"%s' % (c.get('role'), c.get('value'), c.get('text', ''),
                                        ' vague' if c.get('vague') else '')
                       for c in ev.get('counts') or []) or '-'
    return agents, targets, loc or '-', date, counts


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--rasd', default=os.path.join(here, 'build/src/cli/rasd'))
    ap.add_argument('--data', default='/work/shared/data/saudinewsnet')
    ap.add_argument('--seed', type=int, default=20150721)
    ap.add_argument('--n', type=int, default=30)
    ap.add_argument('--out', default='/tmp/saudinewsnet-syria-iraq.jsonl')
    ap.add_argument('--types', default='',
                    help='comma-separated event types to sample from (default: all); '
                         'the counts still cover all events')
    args = ap.parse_args()

    arts, matched = select(args.data)
    with open(args.out, 'w', encoding='utf-8') as f:
        for art in arts:
            f.write(json.dumps(art, ensure_ascii=False) + '\n')
    print('articles matching سوريا/سورية/العراق: %d; after dropping exact copies: %d -> %s'
          % (matched, len(arts), args.out))

    cmd = [args.rasd, 'analyze', args.out, '--jsonl']
    print('running:', ' '.join(cmd))
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, check=True)
    docs = [json.loads(line) for line in proc.stdout.decode('utf-8').splitlines() if line.strip()]

    events = []  # (doc, event index, event)
    for doc in docs:
        for i, ev in enumerate(doc.get('events') or []):
            events.append((doc, i, ev))
    with_events = sum(1 for d in docs if d.get('events'))
    print('documents analysed: %d; with events: %d; events: %d'
          % (len(docs), with_events, len(events)))

    def table(title, key):
        c = collections.Counter(key(ev) for _, _, ev in events)
        print('\n%s' % title)
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            print('  %-28s %6d  %5.1f%%' % (k, v, 100.0 * v / max(1, len(events))))

    table('events per type', lambda e: e.get('type'))
    table('events per type/mode', lambda e: '%s/%s' % (e.get('type'), e.get('mode')))
    table('events per modality', lambda e: e.get('modality'))

    triggers = collections.defaultdict(collections.Counter)
    places = collections.Counter()
    for _, _, ev in events:
        triggers['%s/%s' % (ev.get('type'), ev.get('mode'))][ev.get('trigger_text')] += 1
        loc = ev.get('location')
        if loc:
            places['%s -> %s (%s)' % (loc.get('text'), loc.get('name') or '?',
                                      loc.get('country') or '?')] += 1
    print('\nmost frequent trigger words per type/mode')
    for k in sorted(triggers, key=lambda k: -sum(triggers[k].values())):
        print('  %-24s %s' % (k, ', '.join('%s %d' % kv for kv in triggers[k].most_common(6))))
    print('\nmost frequent event locations (span -> gazetteer name (country)); %d of %d events located'
          % (sum(places.values()), len(events)))
    for k, v in places.most_common(40):
        print('  %-50s %5d' % (k, v))

    types = [t.strip().upper() for t in args.types.split(',') if t.strip()]
    pool = [e for e in events if not types or e[2].get('type') in types]
    rng = random.Random(args.seed)
    sample = rng.sample(range(len(pool)), min(args.n, len(pool)))
    print('\nsample of %d events, random.Random(%d).sample over %d events%s in document order'
          % (len(sample), args.seed, len(pool),
             (' of type ' + '/'.join(types)) if types else ''))
    for k, idx in enumerate(sample, 1):
        doc, i, ev = pool[idx]
        data = doc['text'].encode('utf-8')
        agents, targets, loc, date, counts = describe_args(ev)
        print('\n#%d  doc %s (%s, %s) event %d' % (k, doc.get('id'), doc.get('record'),
                                                   doc.get('outlet'), i))
        print('  title:    %s' % doc.get('title'))
        print('  sentence: %s' % span_text(data, ev['sentence']))
        print('  trigger:  %s' % ev.get('trigger_text'))
        print('  type: %s  mode: %s  modality: %s  confidence: %s%s'
              % (ev.get('type'), ev.get('mode'), ev.get('modality'), ev.get('confidence'),
                 ('  reported_by: ' + ev['reported_by']) if ev.get('reported_by') else ''))
        print('  agent:    %s' % agents)
        print('  target:   %s' % targets)
        print('  location: %s' % loc)
        print('  date:     %s   (published %s)' % (date, (doc.get('published') or {}).get('value')))
        print('  counts:   %s' % counts)
    return 0


if __name__ == '__main__':
    sys.exit(main())
