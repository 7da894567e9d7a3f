-- map_grid: the filtered events counted per grid cell, for maps with too many events to draw
-- one by one. Cells are $cell_degrees wide; each is drawn at the mean position of its events.
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[]); $needles (VARCHAR[], from search_needles.sql);
--   $cell_degrees (DOUBLE).
-- Output: latitude, longitude (DOUBLE), event_count, fatalities (BIGINT), main_type (VARCHAR,
--   the most frequent event type), places (VARCHAR, up to three place names); ordered by
--   event_count descending.
SELECT avg(latitude) AS latitude,
       avg(longitude) AS longitude,
       count(*) AS event_count,
       coalesce(sum(fatalities_best), 0)::BIGINT AS fatalities,
       mode(event_type) AS main_type,
       array_to_string(list_slice(list(DISTINCT location ORDER BY location), 1, 3), ', ') AS places
FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $needles)
WHERE latitude IS NOT NULL AND longitude IS NOT NULL
GROUP BY floor(latitude / $cell_degrees), floor(longitude / $cell_degrees)
ORDER BY event_count DESC;
