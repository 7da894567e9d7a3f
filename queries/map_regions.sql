-- map_regions: the filtered events counted per first-level region (admin1), for the map of
-- counts by region. Every filtered event is counted once, with or without coordinates, so the
-- counts add up to the timeline's total.
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[]); $needles (VARCHAR[], from search_needles.sql).
-- Output: admin1 (VARCHAR, NULL when the event names none), in_mali (BOOLEAN: country is Mali or
--   not given), event_count, deaths (BIGINT); ordered by event_count descending, then admin1.
SELECT admin1,
       coalesce(country IN ('ML', 'MLI', 'Mali'), true) AS in_mali,
       count(*) AS event_count,
       coalesce(sum(fatalities_best), 0)::BIGINT AS deaths
FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $needles)
GROUP BY ALL
ORDER BY event_count DESC, admin1;
