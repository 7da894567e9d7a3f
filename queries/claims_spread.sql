-- claims_spread: the range of figures reported for one subject, for the headline figure and
-- the spread band on the estimates page.
-- Parameters: $subject (VARCHAR, e.g. 'arrests_2025_plot').
-- Only claims with in_spread = true count: figures of another quantity are shown, not mixed in.
-- Output: one row: claim_count (BIGINT), lowest (INTEGER, smallest figure_low),
--   highest (INTEGER, largest of figure_high or, for open-ended claims, figure_low),
--   claimant_count (BIGINT, distinct claimed_by), outlet_count (BIGINT, distinct outlets),
--   first_published, last_published (DATE).
SELECT count(*) AS claim_count,
       min(coalesce(figure_low, figure_high)) AS lowest,
       max(coalesce(figure_high, figure_low)) AS highest,
       count(DISTINCT claimed_by) AS claimant_count,
       count(DISTINCT outlet) AS outlet_count,
       min(published_date) AS first_published,
       max(published_date) AS last_published
FROM claims
WHERE subject = $subject AND in_spread;
