-- actor_layout: where each actor sits in the network drawing. The build computes the positions
-- once over every relation of every date (mali_tracker/network.py), so an actor keeps its place
-- as the date moves and the app never lays out a graph itself.
-- Parameters: none.
-- Output: actor_id, x, y; ordered by actor_id.
SELECT actor_id, x, y
FROM actor_layout
ORDER BY actor_id;
