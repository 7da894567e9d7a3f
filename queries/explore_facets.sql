-- explore_facets: how many of the events matching the filters fall in each event type, theme,
-- region, actor and year: the facets beside the explore table, all in one statement (the
-- matching events are found once and counted five ways).
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[], empty = all);
--   $needles (VARCHAR[], from search_needles.sql; [] = no search).
-- Output: facet ('type' | 'theme' | 'region' | 'actor' | 'year'), value (VARCHAR; an actor_id
--   for 'actor', the year as text for 'year'), event_count (BIGINT); per facet the biggest
--   first, then by value. Events with no value for a facet are not counted in it.
WITH matched AS (
    SELECT event_id, event_type, theme, admin1, year(date_start) AS year, actor_ids
    FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $needles)
),
counted AS (
    SELECT 'type' AS facet, event_type AS value, count(*) AS event_count
    FROM matched WHERE event_type IS NOT NULL GROUP BY event_type
    UNION ALL
    SELECT 'theme', theme, count(*) FROM matched WHERE theme IS NOT NULL GROUP BY theme
    UNION ALL
    SELECT 'region', admin1, count(*) FROM matched WHERE admin1 IS NOT NULL GROUP BY admin1
    UNION ALL
    SELECT 'year', CAST(year AS VARCHAR), count(*) FROM matched WHERE year IS NOT NULL GROUP BY year
    UNION ALL
    SELECT 'actor', actor_id, count(*)  -- actor_ids holds each actor once per event
    FROM (SELECT unnest(actor_ids) AS actor_id FROM matched)
    GROUP BY actor_id
)
SELECT facet, value, event_count
FROM counted
ORDER BY facet, event_count DESC, value;
