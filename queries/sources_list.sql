-- sources_list: every published source with how many rows of the data cite it, for the
-- methodology page's full list.
-- Parameters: none.
-- Output: source_id, outlet, title, url, published_date, language, cited_by (BIGINT: events,
--   actors, relations and claims citing it); ordered by outlet, published_date.
WITH citations AS (
    SELECT unnest(source_ids) AS source_id FROM events
    UNION ALL SELECT unnest(source_ids) FROM actors
    UNION ALL SELECT unnest(source_ids) FROM relations
    UNION ALL SELECT source_id FROM claims
)
SELECT s.source_id, s.outlet, s.title, s.url, s.published_date, s.language,
       count(c.source_id) AS cited_by
FROM sources AS s
LEFT JOIN citations AS c USING (source_id)
GROUP BY ALL
ORDER BY s.outlet, s.published_date NULLS LAST, s.source_id;
