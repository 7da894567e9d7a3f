-- actor_options: every actor a reader can filter on, with the number of events it took part in
-- (from the stored facet counts, so no scan of the events: see facet_cube_of_events.sql).
-- Parameters: none.
-- Output: actor_id, name, actor_type, event_count (BIGINT); ordered by name.
SELECT a.actor_id, a.name, a.actor_type, coalesce(sum(f.event_count), 0)::BIGINT AS event_count
FROM actors AS a
LEFT JOIN facet_days AS f ON f.facet = 'actor' AND f.value = a.actor_id
GROUP BY a.actor_id, a.name, a.actor_type
ORDER BY a.name;
