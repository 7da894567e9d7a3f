-- event_outlets: the outlets whose reports the filtered events rest on, the most cited first,
-- for a chart's source line ("reports by AFP, Reuters, RFI and others").
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[], empty = all);
--   $needles (VARCHAR[], from search_needles.sql; [] = no search).
-- Output: outlet (VARCHAR), report_count (BIGINT); at most 8 rows, the most cited first, then
--   by name; Wikipedia and its mirrors are left out. Imported exports cite no sources: no rows.
SELECT s.outlet, count(*) AS report_count
FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $needles) AS e,
     unnest(e.source_ids) AS cited(source_id)
JOIN sources AS s ON s.source_id = cited.source_id
WHERE s.outlet NOT ILIKE '%wikipedia%'  -- an encyclopedia is not a report, even where a row cites it
GROUP BY s.outlet
ORDER BY report_count DESC, s.outlet
LIMIT 8;
