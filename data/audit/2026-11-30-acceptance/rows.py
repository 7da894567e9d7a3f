# helper: append one row to check.csv (creates header if missing)
import csv, json, os, sys
P = '/work/main/data/audit/2026-11-30-acceptance/check.csv'
COLS = ['row_kind','row_id','verdict','problem_kind','problems','evidence_urls']
def add(row_kind, row_id, verdict, problem_kind, problems, urls):
    new = not os.path.exists(P)
    with open(P, 'a', encoding='utf-8', newline='') as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator='\r\n')
        if new: w.writerow(COLS)
        w.writerow([row_kind, row_id, verdict, problem_kind, problems, json.dumps(urls, ensure_ascii=False)])
