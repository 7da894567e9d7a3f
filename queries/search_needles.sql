-- search_needles: a reader's search words (folded by mali_tracker/search.py) turned into the
-- strings events.search_text must contain: ' moura ' (the whole word) when some event has it
-- whole, else ' mour' (the start of a word). Looked up in the small search_words table, so no
-- event is scanned; mali_tracker/db.py runs it for any query given $terms.
-- Parameters: $terms (VARCHAR[]).
-- Output: one row, needles (VARCHAR[]), in the order of the words.
SELECT coalesce(list(
           CASE WHEN EXISTS (SELECT 1 FROM search_words AS w WHERE w.word = t.term)
                THEN ' ' || t.term || ' ' ELSE ' ' || t.term END
           ORDER BY t.position), []::VARCHAR[]) AS needles
FROM (SELECT unnest($terms) AS term, generate_subscripts($terms, 1) AS position) AS t;
