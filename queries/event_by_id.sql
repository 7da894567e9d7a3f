-- event_by_id: one event, for its own page (/event?id=…).
-- Parameters: $event_id (VARCHAR).
-- Output: every column of events but search_text; no row when no event has the id.
SELECT * EXCLUDE (search_text)
FROM events
WHERE event_id = $event_id;
