-- grade_counts: how many rows of each table have each confidence grade, for the methodology
-- page ("Grades").
-- Parameters: none.
-- Output: row_kind ('events', 'actors', 'relations', 'claims'), high, medium, low, ungraded
--   (BIGINT), last_checked (DATE); in that order of tables.
SELECT row_kind,
       count(*) FILTER (WHERE confidence = 'high') AS high,
       count(*) FILTER (WHERE confidence = 'medium') AS medium,
       count(*) FILTER (WHERE confidence = 'low') AS low,
       count(*) FILTER (WHERE confidence IS NULL) AS ungraded,
       max(checked_on) AS last_checked
FROM (
    SELECT 'events' AS row_kind, 1 AS position, confidence, checked_on FROM events
    UNION ALL SELECT 'actors', 2, confidence, checked_on FROM actors
    UNION ALL SELECT 'relations', 3, confidence, checked_on FROM relations
    UNION ALL SELECT 'claims', 4, confidence, checked_on FROM claims
)
GROUP BY row_kind, position
ORDER BY position;
