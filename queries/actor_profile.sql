-- actor_profile: one actor's description and where it sits, for the actor detail panel.
-- Parameters: $actor_id (VARCHAR).
-- Output: actor_id, name, name_fr, aliases (VARCHAR, ', '-separated), actor_type, parent_id,
--   parent_name, active_from, active_to, description, description_fr, confidence,
--   confidence_reason, checked_on, source_urls (VARCHAR, space-separated).
SELECT a.actor_id, a.name, a.name_fr, array_to_string(a.aliases, ', ') AS aliases, a.actor_type,
       a.parent_id, p.name AS parent_name, a.active_from, a.active_to, a.description, a.description_fr,
       a.confidence, a.confidence_reason, a.checked_on,
       (SELECT string_agg(s.url, ' ' ORDER BY s.url) FROM sources AS s
        WHERE list_contains(a.source_ids, s.source_id)) AS source_urls
FROM actors AS a
LEFT JOIN actors AS p ON p.actor_id = a.parent_id
WHERE a.actor_id = $actor_id;
