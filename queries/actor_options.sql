-- actor_options: every actor a reader can filter on, with the number of events it took part in.
-- Parameters: none.
-- Output: actor_id, name, actor_type, event_count (BIGINT); ordered by name.
SELECT a.actor_id, a.name, a.actor_type, count(DISTINCT ea.event_id) AS event_count
FROM actors AS a
LEFT JOIN event_actors AS ea USING (actor_id)
GROUP BY a.actor_id, a.name, a.actor_type
ORDER BY a.name;
