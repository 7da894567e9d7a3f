-- timeline_counts: event counts per day, week or month by theme and event type, for windows
-- holding more events than one marker each can show readably.
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[]); $needles (VARCHAR[], from search_needles.sql);
--   $unit (VARCHAR: 'day', 'week' or 'month'; weeks start on Monday).
-- Output: bin_start (DATE, first day of the day/week/month), theme, event_type,
--   event_count (BIGINT), fatalities (BIGINT, sum of fatalities_best);
--   ordered by bin_start, theme, event_type.
SELECT date_trunc($unit, date_start)::DATE AS bin_start,
       theme,
       event_type,
       count(*) AS event_count,
       coalesce(sum(fatalities_best), 0)::BIGINT AS fatalities
FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $needles)
GROUP BY ALL
ORDER BY bin_start, theme, event_type;
