-- macro_filtered_events: defines the table macro filtered_events(...) that every event query
-- selects from, so the sidebar's filters mean the same thing on every page.
-- Created once when the connection opens (not a question of its own).
-- Parameters (passed through from the calling query's named parameters):
--   p_start, p_end  DATE       events overlapping [p_start, p_end]
--   p_types         VARCHAR[]  event_type in the list; empty list = all types
--   p_themes        VARCHAR[]  theme in the list; empty = all
--   p_actors        VARCHAR[]  at least one of these actor_ids took part (events.actor_ids);
--                              empty = all
--   p_regions       VARCHAR[]  admin1 in the list; empty = all
--   p_needles       VARCHAR[]  the reader's search as strings search_text must all contain
--                              (queries/search_needles.sql: ' moura ' for a whole word some
--                              event has, else ' mour' for a word start); empty = no search.
--                              Up to 10 (search.MAX_TERMS), written out one by one: a list
--                              lambda per row took three times as long at 1M events.
-- Output: every column of events.
CREATE MACRO filtered_events(p_start, p_end, p_types, p_themes, p_actors, p_regions, p_needles) AS TABLE
SELECT e.*
FROM events AS e
WHERE e.date_start <= p_end
  AND coalesce(e.date_end, e.date_start) >= p_start
  AND (len(p_types) = 0 OR list_contains(p_types, e.event_type))
  AND (len(p_themes) = 0 OR list_contains(p_themes, e.theme))
  AND (len(p_regions) = 0 OR list_contains(p_regions, e.admin1))
  AND (len(p_actors) = 0 OR list_has_any(e.actor_ids, p_actors))
  AND (len(p_needles) < 1 OR contains(e.search_text, p_needles[1]))
  AND (len(p_needles) < 2 OR contains(e.search_text, p_needles[2]))
  AND (len(p_needles) < 3 OR contains(e.search_text, p_needles[3]))
  AND (len(p_needles) < 4 OR contains(e.search_text, p_needles[4]))
  AND (len(p_needles) < 5 OR contains(e.search_text, p_needles[5]))
  AND (len(p_needles) < 6 OR contains(e.search_text, p_needles[6]))
  AND (len(p_needles) < 7 OR contains(e.search_text, p_needles[7]))
  AND (len(p_needles) < 8 OR contains(e.search_text, p_needles[8]))
  AND (len(p_needles) < 9 OR contains(e.search_text, p_needles[9]))
  AND (len(p_needles) < 10 OR contains(e.search_text, p_needles[10]));
