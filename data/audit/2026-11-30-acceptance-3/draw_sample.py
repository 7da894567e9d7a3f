"""Draw of the third acceptance sample (2026-11-30).

random.seed(31177); events.csv read with csv.DictReader (UTF-8, file order); the 32 event ids
sampled in 2026-11-30-acceptance and 2026-11-30-acceptance-2 are removed; random.sample(rest, 20);
then, with the same random state, random.sample(claims, 6) over every row of claims.csv
(file order).
"""
import csv
import random

SEED = 31177
EARLIER = {
    # 2026-11-30-acceptance (seed 48213)
    'ev0036', 'ev0044', 'ev0052', 'ev0054', 'ev0104', 'ev0105', 'ev0112', 'ev0114',
    'ev0116', 'ev0121', 'ev0127', 'ev0160', 'ev0212', 'ev0294', 'ev0299', 'ev0301',
    # 2026-11-30-acceptance-2 (seed 90517)
    'ev0007', 'ev0015', 'ev0005', 'ev0004', 'ev0316', 'ev0102', 'ev0275', 'ev0186',
    'ev0176', 'ev0251', 'ev0253', 'ev0068', 'ev0268', 'ev0093', 'ev0254', 'ev0140',
}
assert len(EARLIER) == 32

random.seed(SEED)
with open('/work/main/data/source/events.csv', encoding='utf-8', newline='') as f:
    ev = list(csv.DictReader(f))
rest = [r for r in ev if r['event_id'] not in EARLIER]
ev_s = [r['event_id'] for r in random.sample(rest, 20)]
with open('/work/main/data/source/claims.csv', encoding='utf-8', newline='') as f:
    cl = list(csv.DictReader(f))
cl_s = [r['claim_id'] for r in random.sample(cl, 6)]
print('events', len(ev), 'rest', len(rest))
print('event draw order', ev_s)
print('claims', len(cl))
print('claim draw order', cl_s)
print('sorted', sorted(ev_s), sorted(cl_s))
