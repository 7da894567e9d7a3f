-- map_places: the places with the most filtered events, to name on the map beside the fixed
-- towns (the map shows only as many as fit).
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[]); $needles (VARCHAR[], from search_needles.sql);
--   $row_limit (BIGINT).
-- Output: location (VARCHAR), latitude, longitude (DOUBLE, the mean of its events' points),
--   event_count (BIGINT); ordered by event_count descending, then location.
SELECT location,
       avg(latitude) AS latitude,
       avg(longitude) AS longitude,
       count(*) AS event_count
FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $needles)
WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND location IS NOT NULL
GROUP BY location
ORDER BY event_count DESC, location
LIMIT $row_limit;
