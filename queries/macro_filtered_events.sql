-- macro_filtered_events: defines the table macro filtered_events(...) that every event query
-- selects from, so the sidebar's filters mean the same thing on every page.
-- Created once when the connection opens (not a question of its own).
-- Parameters (passed through from the calling query's named parameters):
--   p_start, p_end  DATE       events overlapping [p_start, p_end]
--   p_types         VARCHAR[]  event_type in the list; empty list = all types
--   p_themes        VARCHAR[]  theme in the list; empty = all
--   p_actors        VARCHAR[]  at least one of these actor_ids took part; empty = all
--   p_regions       VARCHAR[]  admin1 in the list; empty = all
--   p_q             VARCHAR    accent- and case-insensitive text in title, summary or place
--                              (events.search_text holds them already folded)
-- Output: every column of events.
CREATE MACRO filtered_events(p_start, p_end, p_types, p_themes, p_actors, p_regions, p_q) AS TABLE
SELECT e.*
FROM events AS e
WHERE e.date_start <= p_end
  AND coalesce(e.date_end, e.date_start) >= p_start
  AND (len(p_types) = 0 OR list_contains(p_types, e.event_type))
  AND (len(p_themes) = 0 OR list_contains(p_themes, e.theme))
  AND (len(p_regions) = 0 OR list_contains(p_regions, e.admin1))
  AND (
    len(p_actors) = 0
    OR e.event_id IN (SELECT ea.event_id FROM event_actors AS ea WHERE list_contains(p_actors, ea.actor_id))
  )
  AND (p_q = '' OR contains(e.search_text, strip_accents(lower(p_q))));
