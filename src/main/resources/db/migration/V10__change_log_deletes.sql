-- Listings with tombstones=true read the deletes after a time: few rows among a million creates, so an index of
-- their own (issue 8).
CREATE INDEX change_log_deletes ON change_log (collection, changed_at) WHERE op = 'delete';
