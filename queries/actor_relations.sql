-- actor_relations: every relation an actor is part of, in either direction, over time, for
-- the actor's relation timeline.
-- Parameters: $actor_id (VARCHAR).
-- Output: relation_id, relation, direction ('out' when the actor is the source, 'in' otherwise),
--   other_actor_id, other_name, other_name_fr (empty when the actor has no French name),
--   valid_from, valid_to, note, source_urls; ordered by
--   valid_from (undated first), relation_id.
SELECT r.relation_id, r.relation,
       CASE WHEN r.source_actor_id = $actor_id THEN 'out' ELSE 'in' END AS direction,
       o.actor_id AS other_actor_id, o.name AS other_name, o.name_fr AS other_name_fr,
       r.valid_from, r.valid_to, r.note,
       (SELECT string_agg(s.url, ' ' ORDER BY s.url) FROM sources AS s
        WHERE list_contains(r.source_ids, s.source_id)) AS source_urls
FROM relations AS r
JOIN actors AS o
  ON o.actor_id = CASE WHEN r.source_actor_id = $actor_id THEN r.target_actor_id ELSE r.source_actor_id END
WHERE $actor_id IN (r.source_actor_id, r.target_actor_id)
ORDER BY r.valid_from NULLS FIRST, r.relation_id;
