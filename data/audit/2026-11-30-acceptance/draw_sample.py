import csv
import random

SEED = 48213
random.seed(SEED)
ev = list(csv.DictReader(open('/work/main/data/source/events.csv', encoding='utf-8', newline='')))
rel = list(csv.DictReader(open('/work/main/data/source/relations.csv', encoding='utf-8', newline='')))
cl = list(csv.DictReader(open('/work/main/data/source/claims.csv', encoding='utf-8', newline='')))
ev_s = sorted(r['event_id'] for r in random.sample(ev, 16))
rel_s = sorted(r['relation_id'] for r in random.sample(rel, 6))
cl_s = [r['claim_id'] for r in cl if r['subject'] == 'arrests_2025_plot']
print('events', ev_s)
print('relations', rel_s)
print('claims', cl_s)
