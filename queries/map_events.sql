-- map_events: the filtered events that have coordinates, one row per event, for the map
-- when there are few enough to draw one marker each.
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[]); $needles (VARCHAR[], from search_needles.sql);
--   $row_limit (BIGINT), $row_offset (BIGINT, rows skipped first).
-- Output: event_id, date_start, date_precision, title, event_type, location, admin1, latitude,
--   longitude, geo_precision, fatalities_best; ordered by date_start, event_id.
SELECT event_id, date_start, date_precision, title, event_type, location, admin1,
       latitude, longitude, geo_precision, fatalities_best
FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $needles)
WHERE latitude IS NOT NULL AND longitude IS NOT NULL
ORDER BY date_start, event_id
LIMIT $row_limit OFFSET $row_offset;
