-- relations_all: every relation between actors over the whole period, so the network layout
-- is computed once and an actor keeps its place as the date moves.
-- Parameters: none.
-- Output: source_actor_id, target_actor_id, relation; ordered by relation_id.
SELECT source_actor_id, target_actor_id, relation
FROM relations
ORDER BY relation_id;
