-- event_actor_list: who took part in one event, for its page (each name links to the actor).
-- Parameters: $event_id (VARCHAR).
-- Output: actor_id, name, name_fr, actor_type, role; ordered by role, then name.
SELECT ea.actor_id, a.name, a.name_fr, a.actor_type, ea.role
FROM event_actors AS ea
JOIN actors AS a USING (actor_id)
WHERE ea.event_id = $event_id
ORDER BY ea.role, a.name;
