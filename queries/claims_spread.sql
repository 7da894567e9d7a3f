-- claims_spread: the one answer to "how many, says who?" for a subject: the headline on the
-- front page, the estimates page's heading and the timeline's detail all read this row.
-- Parameters: $subject (VARCHAR, e.g. 'arrests_2025_plot').
-- Only claims with in_spread = true make the band: figures that count something else (people
-- shown on television, fighters in the army's own count) are counted apart, never mixed in.
-- Output: one row: claim_count (BIGINT, claims in the band), other_count (BIGINT, claims of
--   another quantity), lowest (INTEGER, smallest figure_low), highest (INTEGER, largest of
--   figure_high or, for open-ended claims, figure_low), open_ended (BOOLEAN, the highest is
--   an "at least"), claimant_count (BIGINT, distinct claimed_by in the band),
--   outlet_count (BIGINT), first_published, last_published (DATE).
WITH counted AS (
    SELECT *, coalesce(figure_high, figure_low) AS top FROM claims WHERE subject = $subject AND in_spread
)
SELECT (SELECT count(*) FROM counted) AS claim_count,
       (SELECT count(*) FROM claims WHERE subject = $subject AND NOT in_spread) AS other_count,
       (SELECT min(coalesce(figure_low, figure_high)) FROM counted) AS lowest,
       (SELECT max(top) FROM counted) AS highest,
       coalesce((SELECT bool_or(figure_high IS NULL) FROM counted
                 WHERE top = (SELECT max(top) FROM counted)), false) AS open_ended,
       (SELECT count(DISTINCT claimed_by) FROM counted) AS claimant_count,
       (SELECT count(DISTINCT outlet) FROM counted) AS outlet_count,
       (SELECT min(published_date) FROM counted) AS first_published,
       (SELECT max(published_date) FROM counted) AS last_published;
