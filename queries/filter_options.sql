-- filter_options: the values a reader can pick in the sidebar, with how many events carry each.
-- Parameters: none.
-- Output: facet ('type' | 'theme' | 'region'), value (VARCHAR), event_count (BIGINT);
--   ordered by facet, value.
SELECT 'type' AS facet, event_type AS value, count(*) AS event_count
FROM events WHERE event_type IS NOT NULL GROUP BY event_type
UNION ALL
SELECT 'theme', theme, count(*) FROM events WHERE theme IS NOT NULL GROUP BY theme
UNION ALL
SELECT 'region', admin1, count(*) FROM events WHERE admin1 IS NOT NULL GROUP BY admin1
ORDER BY facet, value;
