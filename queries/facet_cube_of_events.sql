-- facet_cube_of_events: every event counted under each of its facet values (event type, theme,
-- region, actor, year), grouped by its first and last day. Run once when a data version is
-- written (build and ingest: mali_tracker/summaries.py) and stored as the `facet_days` table,
-- so that the facets of a date window (explore_facets_window.sql), the filter choices and the
-- actors' event counts never scan the events again.
-- Parameters: none (reads the `events` view).
-- Output: facet ('type' | 'theme' | 'region' | 'actor' | 'year'), value (VARCHAR), first_day,
--   last_day (DATE: date_start and coalesce(date_end, date_start)), event_count (BIGINT);
--   ordered by facet, value, first_day, last_day. Events with no date_start are not counted
--   (no window holds them), as in filtered_events.
WITH dated AS (
    SELECT event_type, theme, admin1, actor_ids, date_start AS first_day,
           coalesce(date_end, date_start) AS last_day
    FROM events
    WHERE date_start IS NOT NULL
)
SELECT facet, value, first_day, last_day, count(*) AS event_count
FROM (
    SELECT 'type' AS facet, event_type AS value, first_day, last_day FROM dated WHERE event_type IS NOT NULL
    UNION ALL
    SELECT 'theme', theme, first_day, last_day FROM dated WHERE theme IS NOT NULL
    UNION ALL
    SELECT 'region', admin1, first_day, last_day FROM dated WHERE admin1 IS NOT NULL
    UNION ALL
    SELECT 'year', CAST(year(first_day) AS VARCHAR), first_day, last_day FROM dated
    UNION ALL
    SELECT 'actor', unnest(actor_ids), first_day, last_day FROM dated  -- each actor once per event
)
GROUP BY ALL
ORDER BY facet, value, first_day, last_day;
