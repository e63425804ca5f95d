-- The extent of the incidents (bbox and time span), kept by the writes themselves so that describing the
-- collection reads one row instead of scanning a million (ST_Extent over 10^6 rows: ~300 ms per call).
-- Inserts grow it exactly. A delete or update that removes a row touching its edge marks it stale; the service
-- then recomputes it once, under this row's lock, before answering.
CREATE TABLE collection_extent (
    collection text PRIMARY KEY,
    min_lon       float8,
    min_lat       float8,
    max_lon       float8,
    max_lat       float8,
    t0         timestamptz,
    t1         timestamptz,
    -- true: the values are not to be trusted until recomputed from the rows (also the state right after creation)
    stale      boolean NOT NULL DEFAULT true
);
INSERT INTO collection_extent (collection) VALUES ('incidents');

CREATE FUNCTION incident_extent_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE collection_extent SET stale = true WHERE collection = 'incidents';
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE collection_extent e SET stale = true
        WHERE e.collection = 'incidents' AND NOT e.stale AND EXISTS (
            SELECT 1 FROM old_rows o
            WHERE ST_XMin(o.geom) <= e.min_lon OR ST_YMin(o.geom) <= e.min_lat
               OR ST_XMax(o.geom) >= e.max_lon OR ST_YMax(o.geom) >= e.max_lat
               OR o.occurred_at <= e.t0 OR coalesce(o.occurred_until, o.occurred_at) >= e.t1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        -- least/greatest ignore NULLs: an empty (but not stale) extent simply takes the new rows' one.
        UPDATE collection_extent e SET
            min_lon = least(e.min_lon, ST_XMin(n.box)), min_lat = least(e.min_lat, ST_YMin(n.box)),
            max_lon = greatest(e.max_lon, ST_XMax(n.box)), max_lat = greatest(e.max_lat, ST_YMax(n.box)),
            t0 = least(e.t0, n.t0), t1 = greatest(e.t1, n.t1)
        FROM (SELECT ST_Extent(geom) AS box, min(occurred_at) AS t0,
                     max(coalesce(occurred_until, occurred_at)) AS t1 FROM new_rows) n
        WHERE e.collection = 'incidents' AND NOT e.stale AND n.box IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER incident_extent_on_insert AFTER INSERT ON incident
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_extent_follow();
CREATE TRIGGER incident_extent_on_update AFTER UPDATE ON incident
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_extent_follow();
CREATE TRIGGER incident_extent_on_delete AFTER DELETE ON incident
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_extent_follow();
CREATE TRIGGER incident_extent_on_truncate AFTER TRUNCATE ON incident
    FOR EACH STATEMENT EXECUTE FUNCTION incident_extent_follow();
