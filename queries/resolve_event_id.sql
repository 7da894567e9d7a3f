-- resolve_event_id: the current id of an event named in a link, which may carry an id an
-- earlier version published (id_aliases), so that no saved link breaks.
-- Parameters: $event_id (VARCHAR).
-- Output: one row, event_id (VARCHAR): the new id for an old one, else the id as given.
SELECT coalesce((SELECT a.new_id FROM id_aliases AS a
                 WHERE a.old_id = $event_id AND a."table" = 'events'), $event_id) AS event_id;
