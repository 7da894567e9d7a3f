-- claims_for_subject: every reported figure about one subject, with the link to its source,
-- for the range chart, the evolution chart, the quotes table and the CSV download.
-- Parameters: $subject (VARCHAR).
-- Output: claim_id, subject, quantity, quantity_fr, figure_low, figure_high, figure_text, quote_language,
--   figure_text_en, figure_text_fr (a translation beside the quote), claimed_by,
--   claimant_type, outlet, published_date, in_spread, note, url, source_title, confidence,
--   confidence_reason, checked_on;
--   ordered by published_date (undated last), claim_id.
SELECT c.claim_id, c.subject, c.quantity, c.quantity_fr, c.figure_low, c.figure_high, c.figure_text,
       c.quote_language, c.figure_text_en, c.figure_text_fr,
       c.claimed_by, c.claimant_type, c.outlet, c.published_date, c.in_spread, c.note,
       s.url, s.title AS source_title, c.confidence, c.confidence_reason, c.checked_on
FROM claims AS c
LEFT JOIN sources AS s USING (source_id)
WHERE c.subject = $subject
ORDER BY c.published_date NULLS LAST, c.claim_id;
