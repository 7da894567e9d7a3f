-- macro_filtered_events: defines the table macro filtered_events(...) that every event query
-- selects from, so the sidebar's filters mean the same thing on every page.
-- Created once when the connection opens (not a question of its own).
-- Parameters (passed through from the calling query's named parameters):
--   p_start, p_end  DATE       events overlapping [p_start, p_end]
--   p_types         VARCHAR[]  event_type in the list; empty list = all types
--   p_themes        VARCHAR[]  theme in the list; empty = all
--   p_actors        VARCHAR[]  at least one of these actor_ids took part; empty = all
--   p_regions       VARCHAR[]  admin1 in the list; empty = all
--   p_terms         VARCHAR[]  the reader's search, folded into words (mali_tracker/search.py);
--                              every word must start a word of events.search_text (title,
--                              summary, place, actors' names and aliases), or, when some event
--                              has it as a whole word, be that whole word. Empty = no search.
-- Output: every column of events.
CREATE MACRO filtered_events(p_start, p_end, p_types, p_themes, p_actors, p_regions, p_terms) AS TABLE
WITH patterns AS (
    -- ' moura ' (whole word) when some event has it, else ' mour' (start of a word)
    SELECT coalesce(list(
        CASE WHEN EXISTS (SELECT 1 FROM events AS w WHERE contains(w.search_text, ' ' || t.term || ' '))
             THEN ' ' || t.term || ' ' ELSE ' ' || t.term END), []) AS needles
    FROM unnest(p_terms) AS t(term)
)
SELECT e.*
FROM events AS e, patterns AS p
WHERE e.date_start <= p_end
  AND coalesce(e.date_end, e.date_start) >= p_start
  AND (len(p_types) = 0 OR list_contains(p_types, e.event_type))
  AND (len(p_themes) = 0 OR list_contains(p_themes, e.theme))
  AND (len(p_regions) = 0 OR list_contains(p_regions, e.admin1))
  AND (
    len(p_actors) = 0
    OR e.event_id IN (SELECT ea.event_id FROM event_actors AS ea WHERE list_contains(p_actors, ea.actor_id))
  )
  AND (len(p.needles) = 0 OR list_bool_and(list_transform(p.needles, lambda n: contains(e.search_text, n))));
