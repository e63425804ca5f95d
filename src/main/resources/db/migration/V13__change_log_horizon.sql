-- How far the change log's retention (incidentmap.history.retention) has removed entries, per collection: the
-- newest entry removed. A feed reader whose position lies before it, or a sync whose updated_after lies before its
-- time, has missed changes for good and is told to resync (410).
CREATE TABLE change_log_horizon (
    collection text PRIMARY KEY,
    xid        xid8        NOT NULL,
    seq        bigint      NOT NULL,
    changed_at timestamptz NOT NULL
);
