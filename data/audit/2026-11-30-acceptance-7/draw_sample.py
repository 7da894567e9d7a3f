"""Draw of the seventh acceptance sample (2026-11-30).

random.seed(40817); events.csv read with csv.DictReader (UTF-8, file order); the event ids
sampled before (row_kind == 'event' in the check.csv files of 2026-11-30-acceptance,
-acceptance-2, -acceptance-3, -acceptance-4, -acceptance-5 and -acceptance-6) are removed; then
random.sample(rest, 20). No claims are drawn this time.
"""
import csv
import random

SEED = 40817
AUDIT = '/work/main/data/audit/'
SOURCE = '/work/main/data/source/'
EARLIER_DIRS = ['2026-11-30-acceptance', '2026-11-30-acceptance-2', '2026-11-30-acceptance-3',
                '2026-11-30-acceptance-4', '2026-11-30-acceptance-5', '2026-11-30-acceptance-6']

earlier = {}
for d in EARLIER_DIRS:
    with open(AUDIT + d + '/check.csv', encoding='utf-8', newline='') as f:
        earlier[d] = sorted(r['row_id'] for r in csv.DictReader(f) if r['row_kind'] == 'event')
excluded = set().union(*earlier.values())

random.seed(SEED)
with open(SOURCE + 'events.csv', encoding='utf-8', newline='') as f:
    ev = list(csv.DictReader(f))
rest = [r for r in ev if r['event_id'] not in excluded]
draw = [r['event_id'] for r in random.sample(rest, 20)]

print('events', len(ev), 'excluded', len(excluded), 'rest', len(rest))
for d, ids in earlier.items():
    print(d, len(ids), ', '.join(ids))
print('draw order', ', '.join(draw))
print('sorted', ', '.join(sorted(draw)))
