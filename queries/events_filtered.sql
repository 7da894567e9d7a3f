-- events_filtered: the events matching the sidebar filters, with their sources, for the
-- timeline markers, the explore table and the CSV download.
-- Parameters: $start, $end (DATE); $types, $themes, $actors, $regions (VARCHAR[], empty = all);
--   $needles (VARCHAR[], from search_needles.sql; [] = no search); $row_limit (BIGINT, most rows returned);
--   $row_offset (BIGINT, rows skipped first: a page of the ordered rows);
--   $sort_key (VARCHAR: 'date', 'title', 'title_fr', 'type', 'theme', 'place', 'region', 'deaths'
--   or 'grade'; anything else sorts by date) and $descending (BOOLEAN). Ties go by date, then id;
--   empty values sort last either way.
-- Output: event_id, date_start, date_end, date_precision, title, label, summary, title_fr, label_fr,
--   summary_fr (the French beside the English; empty for imported rows), event_type,
--   sub_event_type, theme, location, admin1, country, latitude, longitude, geo_precision,
--   fatalities_best, fatalities_low, fatalities_high, is_key, origin, note,
--   confidence, confidence_reason, checked_on (the second reading; empty for imports),
--   actor_names (VARCHAR, '; '-separated), source_outlets (VARCHAR, '; '-separated),
--   source_urls (VARCHAR, space-separated); ordered as asked.
WITH keyed AS (  -- only what ordering needs: the page is chosen first, its columns read after
    SELECT event_id, date_start,
           CASE $sort_key
               WHEN 'title' THEN title
               WHEN 'title_fr' THEN coalesce(nullif(title_fr, ''), title)
               WHEN 'type' THEN event_type
               WHEN 'theme' THEN theme
               WHEN 'place' THEN location
               WHEN 'region' THEN admin1
           END AS sort_text,
           CASE $sort_key
               WHEN 'deaths' THEN fatalities_best
               WHEN 'grade' THEN CASE confidence WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END
           END AS sort_number
    FROM filtered_events($start, $end, $types, $themes, $actors, $regions, $needles)
),
page AS (
    SELECT *
    FROM keyed
    ORDER BY CASE WHEN NOT $descending THEN sort_text END ASC NULLS LAST,
             CASE WHEN $descending THEN sort_text END DESC NULLS LAST,
             CASE WHEN NOT $descending THEN sort_number END ASC NULLS LAST,
             CASE WHEN $descending THEN sort_number END DESC NULLS LAST,
             CASE WHEN NOT $descending THEN date_start END ASC,
             CASE WHEN $descending THEN date_start END DESC,
             event_id
    LIMIT $row_limit OFFSET $row_offset
),
matched AS (  -- joined on the date too: the events are stored by date, so DuckDB reads only
              -- the row groups of the page's dates instead of every event's id
    SELECT e.*, page.sort_text, page.sort_number
    FROM page
    JOIN events AS e ON e.event_id = page.event_id AND e.date_start = page.date_start
),
cited AS (
    SELECT m.event_id,
           string_agg(DISTINCT s.outlet, '; ' ORDER BY s.outlet) AS source_outlets,
           string_agg(s.url, ' ' ORDER BY s.url) AS source_urls
    FROM matched AS m, unnest(m.source_ids) AS cited_id(source_id)
    JOIN sources AS s ON s.source_id = cited_id.source_id
    GROUP BY m.event_id
),
involved AS (  -- from the page's own actor_ids, not a scan of every event's links
    SELECT m.event_id, string_agg(DISTINCT a.name, '; ' ORDER BY a.name) AS actor_names
    FROM matched AS m, unnest(m.actor_ids) AS took_part(actor_id)
    JOIN actors AS a ON a.actor_id = took_part.actor_id
    GROUP BY m.event_id
)
SELECT m.event_id, m.date_start, m.date_end, m.date_precision, m.title, m.label, m.summary,
       m.title_fr, m.label_fr, m.summary_fr,
       m.event_type, m.sub_event_type, m.theme, m.location, m.admin1, m.country,
       m.latitude, m.longitude, m.geo_precision,
       m.fatalities_best, m.fatalities_low, m.fatalities_high, m.is_key, m.origin, m.note,
       m.confidence, m.confidence_reason, m.checked_on,
       coalesce(involved.actor_names, '') AS actor_names,
       coalesce(cited.source_outlets, '') AS source_outlets,
       coalesce(cited.source_urls, '') AS source_urls
FROM matched AS m
LEFT JOIN cited USING (event_id)
LEFT JOIN involved USING (event_id)
ORDER BY CASE WHEN NOT $descending THEN m.sort_text END ASC NULLS LAST,
         CASE WHEN $descending THEN m.sort_text END DESC NULLS LAST,
         CASE WHEN NOT $descending THEN m.sort_number END ASC NULLS LAST,
         CASE WHEN $descending THEN m.sort_number END DESC NULLS LAST,
         CASE WHEN NOT $descending THEN m.date_start END ASC,
         CASE WHEN $descending THEN m.date_start END DESC,
         m.event_id;
