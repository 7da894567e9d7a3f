-- events_count: how many events match the sidebar filters (decides whether the timeline
-- draws one marker per event or monthly counts).
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[]); $needles (VARCHAR[], from search_needles.sql).
-- Output: one row, event_count (BIGINT).
SELECT count(*) AS event_count
FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $needles);
