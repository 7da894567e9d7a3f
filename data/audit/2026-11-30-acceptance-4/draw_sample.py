"""Draw of the fourth acceptance sample (2026-11-30).

random.seed(60211); events.csv read with csv.DictReader (UTF-8, file order); the event ids
sampled before (row_kind == 'event' in the check.csv files of 2026-11-30-acceptance,
-acceptance-2 and -acceptance-3) are removed; then random.sample(rest, 20).
"""
import csv
import random

SEED = 60211
AUDIT = '/work/main/data/audit/'
EARLIER_DIRS = ['2026-11-30-acceptance', '2026-11-30-acceptance-2', '2026-11-30-acceptance-3']

earlier = set()
for d in EARLIER_DIRS:
    with open(AUDIT + d + '/check.csv', encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f):
            if r['row_kind'] == 'event':
                earlier.add(r['row_id'])

random.seed(SEED)
with open('/work/main/data/source/events.csv', encoding='utf-8', newline='') as f:
    ev = list(csv.DictReader(f))
rest = [r for r in ev if r['event_id'] not in earlier]
draw = [r['event_id'] for r in random.sample(rest, 20)]
print('events', len(ev), 'excluded', len(earlier), 'rest', len(rest))
print('excluded', sorted(earlier))
print('draw order', draw)
print('sorted', sorted(draw))
