-- relation_dates: the dates on which some relation begins or ends, which bound the network's
-- date slider.
-- Parameters: none.
-- Output: one row: first_date, last_date (DATE).
SELECT least(min(valid_from), min(valid_to)) AS first_date,
       greatest(max(valid_from), max(valid_to)) AS last_date
FROM relations;
