-- relations_as_of: the relations in force on one date, with both actors' names and types and
-- the sources, for the network and its CSV download.
-- Parameters: $as_of (DATE).
-- Output: relation_id, source_actor_id, source_name, source_type, relation, target_actor_id,
--   target_name, target_type, valid_from, valid_to, note, source_urls (VARCHAR, space-separated);
--   ordered by relation, source_name, target_name.
-- A relation with no valid_from began before anything our sources date; with no valid_to it lasts.
-- An actor outside its own active period (actors.active_from/active_to) takes part in nothing,
-- except as the predecessor in a successor_of relation, which stays while the successor acts.
SELECT r.relation_id, r.source_actor_id, a.name AS source_name, a.actor_type AS source_type,
       r.relation, r.target_actor_id, b.name AS target_name, b.actor_type AS target_type,
       r.valid_from, r.valid_to, r.note,
       (SELECT string_agg(s.url, ' ' ORDER BY s.url) FROM sources AS s
        WHERE list_contains(r.source_ids, s.source_id)) AS source_urls
FROM relations AS r
JOIN actors AS a ON a.actor_id = r.source_actor_id
JOIN actors AS b ON b.actor_id = r.target_actor_id
WHERE coalesce(r.valid_from, DATE '1900-01-01') <= $as_of
  AND coalesce(r.valid_to, DATE '9999-12-31') >= $as_of
  AND $as_of BETWEEN coalesce(a.active_from, DATE '1900-01-01') AND coalesce(a.active_to, DATE '9999-12-31')
  AND (r.relation = 'successor_of'
       OR $as_of BETWEEN coalesce(b.active_from, DATE '1900-01-01') AND coalesce(b.active_to, DATE '9999-12-31'))
ORDER BY r.relation, a.name, b.name;
