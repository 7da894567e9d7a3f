-- timeline_monthly: monthly event counts by theme and event type, for windows holding more
-- events than one marker each can show readably.
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[]); $q (VARCHAR).
-- Output: month (DATE, first of month), theme, event_type, event_count (BIGINT),
--   fatalities (BIGINT, sum of fatalities_best); ordered by month, theme, event_type.
SELECT date_trunc('month', date_start)::DATE AS month,
       theme,
       event_type,
       count(*) AS event_count,
       coalesce(sum(fatalities_best), 0)::BIGINT AS fatalities
FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $q)
GROUP BY ALL
ORDER BY month, theme, event_type;
