-- Every create, update and delete of a feature (issue 8), written by triggers in the transaction of the change,
-- whatever made it (the API, an import's COPY or upsert, SQL by hand): who (incidentmap.user, which the service
-- sets for each write transaction; sql:<role> otherwise), when, which columns changed, and the row before and
-- after. Statement triggers with transition tables log a million-row import in one INSERT, not a million.
-- A create keeps no copy of the row: as created it is the next change's "before", or the row itself.
-- xid orders the log by transaction: a reader that stops at the oldest transaction still running
-- (pg_snapshot_xmin) never skips a change committed later with a lower seq.
CREATE TABLE change_log (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid        xid8        NOT NULL DEFAULT pg_current_xact_id(),
    collection text        NOT NULL,
    feature_id text        NOT NULL,
    op         text        NOT NULL CHECK (op IN ('create', 'update', 'delete')),
    version    bigint      NOT NULL,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed    text[],
    before     jsonb,
    after      jsonb
);
CREATE INDEX change_log_feature ON change_log (collection, feature_id, seq);
CREATE INDEX change_log_order ON change_log (xid, seq);

CREATE FUNCTION change_author() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('incidentmap.user', true), ''), 'sql:' || current_user)
$$;

-- A row as the log keeps it: its columns, the geometry as GeoJSON (RFC 7946: no crs member) under "geometry".
CREATE FUNCTION change_row(r jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT (r - 'geom') || jsonb_build_object('geometry', (r -> 'geom') - 'crs')
$$;

CREATE FUNCTION change_log_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO change_log (collection, feature_id, op, version, changed_by)
    SELECT TG_ARGV[0], n.id::text, 'create', n.version, change_author() FROM new_rows n;
    RETURN NULL;
END
$$;

CREATE FUNCTION change_log_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO change_log (collection, feature_id, op, version, changed_by, changed, before, after)
    SELECT TG_ARGV[0], n.id::text, 'update', n.version, change_author(),
           ARRAY(SELECT e.key FROM jsonb_each(change_row(to_jsonb(n))) e
                 WHERE e.key NOT IN ('version', 'updated_at') AND e.value IS DISTINCT FROM change_row(to_jsonb(o)) -> e.key
                 ORDER BY e.key),
           change_row(to_jsonb(o)), change_row(to_jsonb(n))
    FROM new_rows n JOIN old_rows o ON o.id = n.id;
    RETURN NULL;
END
$$;

CREATE FUNCTION change_log_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO change_log (collection, feature_id, op, version, changed_by, before)
    SELECT TG_ARGV[0], o.id::text, 'delete', o.version, change_author(), change_row(to_jsonb(o)) FROM old_rows o;
    RETURN NULL;
END
$$;

CREATE TRIGGER incident_log_insert AFTER INSERT ON incident REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_created('incidents');
CREATE TRIGGER incident_log_update AFTER UPDATE ON incident REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_updated('incidents');
CREATE TRIGGER incident_log_delete AFTER DELETE ON incident REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_deleted('incidents');
CREATE TRIGGER region_log_insert AFTER INSERT ON region REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_created('regions');
CREATE TRIGGER region_log_update AFTER UPDATE ON region REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_updated('regions');
CREATE TRIGGER region_log_delete AFTER DELETE ON region REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_deleted('regions');
