-- actor_claims: the published figures an actor gave: claims whose claimant names the actor
-- (its name, French name or one of its aliases, as whole words; an alias that is also a place
-- name, such as "Bamako" for the government, is not used), for the actor's page.
-- Parameters: $actor_id (VARCHAR).
-- Output: claim_id, subject, subject_label, subject_label_fr, figure_text, claimed_by, outlet,
--   published_date, in_spread, confidence, url; ordered by published_date (undated last), claim_id.
WITH names AS (
    SELECT DISTINCT ' ' || trim(lower(regexp_replace(name, '[^[:alnum:]]+', ' ', 'g'))) || ' ' AS needle
    FROM (
        SELECT unnest(list_concat([a.name, a.name_fr], a.aliases)) AS name
        FROM actors AS a
        WHERE a.actor_id = $actor_id
    )
    WHERE name IS NOT NULL AND length(trim(name)) >= 3
),
usable AS (
    SELECT needle FROM names
    WHERE needle NOT IN (SELECT DISTINCT ' ' || lower(place) || ' '
                         FROM (SELECT location AS place FROM events UNION SELECT admin1 FROM events)
                         WHERE place IS NOT NULL)
)
SELECT c.claim_id, c.subject, cs.label AS subject_label, cs.label_fr AS subject_label_fr, c.figure_text,
       c.claimed_by, c.outlet, c.published_date, c.in_spread, c.confidence, s.url
FROM claims AS c
LEFT JOIN claim_subjects AS cs USING (subject)
LEFT JOIN sources AS s USING (source_id)
WHERE EXISTS (
    SELECT 1 FROM usable
    WHERE contains(' ' || lower(regexp_replace(c.claimed_by, '[^[:alnum:]]+', ' ', 'g')) || ' ', usable.needle)
)
ORDER BY c.published_date NULLS LAST, c.claim_id;
