-- map_count: how many filtered events have coordinates (decides markers or grid cells).
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[]); $needles (VARCHAR[], from search_needles.sql).
-- Output: one row: event_count (BIGINT).
SELECT count(*) AS event_count
FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $needles)
WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
