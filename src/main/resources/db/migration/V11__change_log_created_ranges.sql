-- A statement's creates of incidents are one entry of the log, their ids as a multirange (issue 5): logged one row
-- per create, a 1,000,000-feature import spent ~13 s of ~50 s writing the log's rows and its two indexes; one
-- row holding {[first,last+1)} costs well under a second. Ids the database numbers make the ranges short: a
-- range breaks only where another transaction took ids during the statement. Region ids are names: their
-- creates stay one row each. Updates and deletes stay one row per feature (they keep the rows before and after).
ALTER TABLE change_log ALTER COLUMN feature_id DROP NOT NULL;
ALTER TABLE change_log ADD COLUMN feature_ids int8multirange;
ALTER TABLE change_log ADD CONSTRAINT change_log_one_feature_or_a_range
    CHECK ((feature_id IS NULL) <> (feature_ids IS NULL) AND (feature_ids IS NULL OR op = 'create'));
-- A feature's history finds the entry that created it by containment.
CREATE INDEX change_log_created_ranges ON change_log USING gist (feature_ids) WHERE feature_ids IS NOT NULL;

CREATE FUNCTION change_log_created_ranges() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO change_log (collection, feature_ids, op, version, changed_by)
    SELECT TG_ARGV[0], range_agg(int8range(n.id, n.id, '[]')), 'create', min(n.version), change_author()
    FROM new_rows n HAVING count(*) > 0;
    RETURN NULL;
END
$$;

DROP TRIGGER incident_log_insert ON incident;
CREATE TRIGGER incident_log_insert AFTER INSERT ON incident REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_created_ranges('incidents');

-- The log with one row per feature change, ranges spread out: for SQL by hand and for checks, not for the
-- service's reads (which use the indexes above).
CREATE VIEW change_log_features AS
    SELECT l.seq, l.xid, l.collection, coalesce(l.feature_id, f.id::text) AS feature_id, l.op, l.version,
           l.changed_by, l.changed_at, l.changed, l.before, l.after
    FROM change_log l
    LEFT JOIN LATERAL (SELECT generate_series(lower(r), upper(r) - 1) FROM unnest(l.feature_ids) r) f(id) ON true;
