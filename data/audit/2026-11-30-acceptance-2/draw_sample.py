import csv
import random

SEED = 90517
FIRST = {'ev0036', 'ev0044', 'ev0052', 'ev0054', 'ev0104', 'ev0105', 'ev0112', 'ev0114',
         'ev0116', 'ev0121', 'ev0127', 'ev0160', 'ev0212', 'ev0294', 'ev0299', 'ev0301'}
random.seed(SEED)
ev = list(csv.DictReader(open('/work/main/data/source/events.csv', encoding='utf-8', newline='')))
rest = [r for r in ev if r['event_id'] not in FIRST]
ev_s = [r['event_id'] for r in random.sample(rest, 16)]
cl = list(csv.DictReader(open('/work/main/data/source/claims.csv', encoding='utf-8', newline='')))
those = [r for r in cl if r['checked_on'] == '2026-11-30' and r['subject'] != 'arrests_2025_plot']
cl_s = [r['claim_id'] for r in random.sample(those, 8)]
print('events', len(ev), 'rest', len(rest), ev_s)
print('claims pool', len(those), cl_s)
print('sorted', sorted(ev_s), sorted(cl_s))
