-- event_neighbours: the events just before and just after one event in date order (ties by
-- event_id), for the "before / after" links of the event's page.
-- Parameters: $event_id (VARCHAR).
-- Output: side ('before' or 'after'), event_id, title, title_fr, date_start, date_precision; at most one
--   row per side (none before the first event, none after the last).
WITH this AS (SELECT date_start, event_id FROM events WHERE event_id = $event_id)
(SELECT 'before' AS side, e.event_id, e.title, e.title_fr, e.date_start, e.date_precision
 FROM events AS e, this AS t
 WHERE e.date_start < t.date_start OR (e.date_start = t.date_start AND e.event_id < t.event_id)
 ORDER BY e.date_start DESC, e.event_id DESC
 LIMIT 1)
UNION ALL
(SELECT 'after' AS side, e.event_id, e.title, e.title_fr, e.date_start, e.date_precision
 FROM events AS e, this AS t
 WHERE e.date_start > t.date_start OR (e.date_start = t.date_start AND e.event_id > t.event_id)
 ORDER BY e.date_start, e.event_id
 LIMIT 1);
