-- Counts of the incidents per cell of a Web Mercator grid (level 12: 4096 cells a side, ~10 km at the equator)
-- and category, kept by the writes themselves: vector tiles of the low zooms (0-8), where one tile covers most of
-- the data, add up these cells instead of reading a million rows (0.4-2 s a tile). A coarse grid keeps both the
-- tiles (at most ~30,000 cells for a million incidents) and the writes (an import touches few cells) cheap; a
-- finer one (level 14) cost imports 40 %. A cell also sums its incidents' Web Mercator positions (the centres of
-- their boxes), so that a cluster is drawn at their mean.
SET LOCAL statement_timeout = 0;

CREATE FUNCTION incident_mercator_x(g geometry) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (ST_XMin(g) + ST_XMax(g)) / 2 * 20037508.342789244 / 180
$$;
CREATE FUNCTION incident_mercator_y(g geometry) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ln(tan(radians(45 + least(greatest((ST_YMin(g) + ST_YMax(g)) / 2, -85.0511), 85.0511) / 2))) * 6378137
$$;

CREATE TABLE incident_cell (
    cx         int    NOT NULL, -- column, from the antimeridian eastwards
    cy         int    NOT NULL, -- row, from the north
    category   text   NOT NULL,
    n          bigint NOT NULL,
    fatalities bigint NOT NULL,
    sum_mx     float8 NOT NULL,
    sum_my     float8 NOT NULL,
    PRIMARY KEY (cx, cy, category)
);
-- Cells emptied by deletes, found without reading the others.
CREATE INDEX incident_cell_empty ON incident_cell (cx) WHERE n <= 0;

-- Adds (sign 1) or takes away (sign -1) the counts of the rows of a table (a trigger's transition table), cell by
-- cell in key order so that concurrent writers lock cells in the same order.
CREATE FUNCTION incident_cell_sql(sign int, source text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT format($f$
        INSERT INTO incident_cell AS c (cx, cy, category, n, fatalities, sum_mx, sum_my)
        SELECT least(greatest(floor((r.mx + 20037508.342789244) / 9783.93962050256), 0), 4095)::int,
               least(greatest(floor((20037508.342789244 - r.my) / 9783.93962050256), 0), 4095)::int,
               r.category, %1$s * count(*), %1$s * sum(coalesce(r.fatalities, 0)), %1$s * sum(r.mx), %1$s * sum(r.my)
          FROM (SELECT category, fatalities, incident_mercator_x(geom) AS mx, incident_mercator_y(geom) AS my
                  FROM %2$I) r
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (cx, cy, category) DO UPDATE
           SET n = c.n + EXCLUDED.n, fatalities = c.fatalities + EXCLUDED.fatalities,
               sum_mx = c.sum_mx + EXCLUDED.sum_mx, sum_my = c.sum_my + EXCLUDED.sum_my
    $f$, sign, source)
$$;

CREATE FUNCTION incident_cell_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM incident_cell;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        EXECUTE incident_cell_sql(-1, 'old_rows');
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE incident_cell_sql(1, 'new_rows');
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        DELETE FROM incident_cell WHERE n <= 0;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER incident_cell_on_insert AFTER INSERT ON incident
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_cell_follow();
CREATE TRIGGER incident_cell_on_update AFTER UPDATE ON incident
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_cell_follow();
CREATE TRIGGER incident_cell_on_delete AFTER DELETE ON incident
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_cell_follow();
CREATE TRIGGER incident_cell_on_truncate AFTER TRUNCATE ON incident
    FOR EACH STATEMENT EXECUTE FUNCTION incident_cell_follow();

-- The incidents stored so far.
CREATE TEMP TABLE existing_rows ON COMMIT DROP AS SELECT category, fatalities, geom FROM incident;
DO $$ BEGIN EXECUTE incident_cell_sql(1, 'existing_rows'); END $$;
