-- dataset_summary: how much the data holds and the dates it spans; bounds the date filters
-- and gives the front page its counts.
-- Parameters: none.
-- Output: one row: first_date (DATE), last_date (DATE), event_count, source_count,
--   actor_count, claim_count (BIGINT), origins (VARCHAR[]: where the events come from,
--   'curated' for the bundled selection, 'acled' or 'ucdp' for an imported export).
SELECT (SELECT min(date_start) FROM events) AS first_date,
       (SELECT max(coalesce(date_end, date_start)) FROM events) AS last_date,
       (SELECT count(*) FROM events) AS event_count,
       (SELECT count(*) FROM sources) AS source_count,
       (SELECT count(*) FROM actors) AS actor_count,
       (SELECT count(*) FROM claims) AS claim_count,
       (SELECT coalesce(list(DISTINCT origin ORDER BY origin), []) FROM events) AS origins;
