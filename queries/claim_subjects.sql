-- claim_subjects: the contested figures a reader can choose on the estimates page.
-- Parameters: none.
-- Output: subject, label, headline_quantity, description, label_fr, headline_quantity_fr,
--   description_fr, event_id, claim_count (BIGINT), after_headline (BOOLEAN, sorts the arrests
--   first); the 2025 arrests first, then by label.
SELECT cs.subject, cs.label, cs.headline_quantity, cs.description,
       cs.label_fr, cs.headline_quantity_fr, cs.description_fr, cs.event_id,
       count(c.claim_id) AS claim_count,
       cs.subject <> 'arrests_2025_plot' AS after_headline
FROM claim_subjects AS cs
JOIN claims AS c USING (subject)
GROUP BY ALL
ORDER BY after_headline, cs.label;
