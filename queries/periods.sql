-- periods: the political eras shaded behind the timeline.
-- Parameters: none.
-- Output: period_id, label, label_fr, date_start, date_end; ordered by date_start.
SELECT period_id, label, label_fr, date_start, date_end
FROM periods
ORDER BY date_start;
