-- sources_by_outlet: how many of the cited sources each outlet published, for the
-- methodology page.
-- Parameters: none.
-- Output: outlet, source_count (BIGINT), languages (VARCHAR, ', '-separated),
--   first_published, last_published (DATE), example_url (VARCHAR, the newest source's url);
--   ordered by source_count descending, outlet.
SELECT outlet,
       count(*) AS source_count,
       string_agg(DISTINCT language, ', ' ORDER BY language) AS languages,
       min(published_date) AS first_published,
       max(published_date) AS last_published,
       arg_max(url, coalesce(published_date, DATE '1900-01-01')) AS example_url
FROM sources
GROUP BY outlet
ORDER BY source_count DESC, outlet;
