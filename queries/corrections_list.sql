-- corrections_list: every correction to the published data, newest first, optionally only
-- those that touched one row (the event page's "Corrections").
-- Parameters: $row_id (VARCHAR; NULL = all).
-- Output: corrected_on (DATE), table (VARCHAR), row_id, change, reason; newest first.
SELECT corrected_on, "table", row_id, change, reason
FROM corrections
WHERE $row_id IS NULL OR row_id = $row_id
ORDER BY corrected_on DESC, "table", row_id;
