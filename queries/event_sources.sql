-- event_sources: the published sources an event cites, for the detail shown when a reader
-- selects an event.
-- Parameters: $event_id (VARCHAR).
-- Output: source_id, outlet, title, url, published_date, language; ordered by published_date.
SELECT s.source_id, s.outlet, s.title, s.url, s.published_date, s.language
FROM events AS e, unnest(e.source_ids) AS cited_id(source_id)
JOIN sources AS s ON s.source_id = cited_id.source_id
WHERE e.event_id = $event_id
ORDER BY s.published_date NULLS LAST, s.source_id;
