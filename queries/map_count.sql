-- map_count: how many filtered events have coordinates (decides markers or grid cells).
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[]); $terms (VARCHAR[], folded search words).
-- Output: one row: event_count (BIGINT).
SELECT count(*) AS event_count
FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $terms)
WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
