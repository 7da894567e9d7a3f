"""Draw of the sixth acceptance sample (2026-11-30).

random.seed(91357); events.csv read with csv.DictReader (UTF-8, file order); the event ids
sampled before (row_kind == 'event' in the check.csv files of 2026-11-30-acceptance,
-acceptance-2, -acceptance-3, -acceptance-4 and -acceptance-5) are removed; then
random.sample(rest, 20). With the same random state continuing, random.sample(claims, 4) over
every row of claims.csv (file order).
"""
import csv
import random

SEED = 91357
AUDIT = '/work/main/data/audit/'
SOURCE = '/work/main/data/source/'
EARLIER_DIRS = ['2026-11-30-acceptance', '2026-11-30-acceptance-2', '2026-11-30-acceptance-3',
                '2026-11-30-acceptance-4', '2026-11-30-acceptance-5']

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

with open(SOURCE + 'claims.csv', encoding='utf-8', newline='') as f:
    claims = list(csv.DictReader(f))
claim_draw = [r['claim_id'] for r in random.sample(claims, 4)]

print('events', len(ev), 'excluded', len(excluded), 'rest', len(rest))
for d, ids in earlier.items():
    print(d, len(ids), ', '.join(ids))
print('draw order', ', '.join(draw))
print('sorted', ', '.join(sorted(draw)))
print('claims', len(claims), 'claim draw order', ', '.join(claim_draw))
