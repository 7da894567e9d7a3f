-- explore_facets_window: explore_facets.sql's answer for filters that are only a date window
-- (no type, theme, actor, region or search), read from the stored `facet_days` table instead
-- of the events: the same counts, in a few milliseconds at any size.
-- Parameters: $start, $end (DATE).
-- Output: facet, value (VARCHAR), event_count (BIGINT); per facet the biggest first, then by
--   value (as explore_facets.sql).
SELECT facet, value, sum(event_count)::BIGINT AS event_count
FROM facet_days
WHERE first_day <= $end AND last_day >= $start
GROUP BY facet, value
ORDER BY facet, event_count DESC, value;
