-- relation_outlets: the outlets whose reports the relations in force on a date rest on, the
-- most cited first, for the network's source line.
-- Parameters: $as_of (DATE).
-- Output: outlet (VARCHAR), report_count (BIGINT); at most 8 rows, the most cited first, then
--   by name; Wikipedia and its mirrors are left out.
SELECT s.outlet, count(*) AS report_count
FROM relations AS r, unnest(r.source_ids) AS cited(source_id)
JOIN sources AS s ON s.source_id = cited.source_id
WHERE coalesce(r.valid_from, DATE '0001-01-01') <= $as_of
  AND coalesce(r.valid_to, DATE '9999-12-31') >= $as_of
  AND s.outlet NOT ILIKE '%wikipedia%'  -- an encyclopedia is not a report, even where a row cites it
GROUP BY s.outlet
ORDER BY report_count DESC, s.outlet
LIMIT 8;
