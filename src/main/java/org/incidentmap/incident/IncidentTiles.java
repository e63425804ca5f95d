package org.incidentmap.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.ogcapi.NamedSql;
import org.incidentmap.ogcapi.SqlFilter;
import org.incidentmap.tile.TileAddress;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds incident vector tiles (MVT) with PostGIS's ST_AsMVT, one layer "incidents". From
 * {@code incidentmap.tiles.cluster-below} up, a feature is an incident with what a popup needs; below it, the
 * incidents in each cell of a 64 x 64 grid over the tile become one point at their mean position, carrying their
 * count, summed fatalities and most frequent category: added up from the counts kept per cell (incident_cell) for
 * zooms 0-8 when no filter but category is given, else from the rows. Tiles take the items filters; the index
 * finds the rows through the tile's bounds in WGS 84, widened by the buffer.
 */
@ApplicationScoped
public class IncidentTiles {

    static final int EXTENT = 4096;
    static final int BUFFER = 64;
    static final int GRID = 64;
    static final String LAYER = "incidents";
    static final String IN_TILE = "f.geom && ST_MakeEnvelope(:tile_w, :tile_s, :tile_e, :tile_n, 4326)";
    static final String BOUNDS = "ST_TileEnvelope(:z, :x, :y)";
    /** Single incidents; at_point counts those drawn at the same spot of the tile, so a map can show the stack. */
    static final String INCIDENTS = "SELECT ST_AsMVT(t.*, '" + LAYER + "', " + EXTENT + ", 'geom', 'id') FROM ("
            + "SELECT s.*, count(*) OVER (PARTITION BY s.geom)::int AS at_point FROM ("
            + "SELECT f.id, f.title, f.category, f.sub_category, f.fatalities, f.time_precision, f.location_name,"
            + " replace((f.occurred_at AT TIME ZONE 'UTC')::text, ' ', 'T') || 'Z' AS occurred_at, 1 AS count,"
            + " ST_AsMVTGeom(ST_Transform(f.geom, 3857), " + BOUNDS + ", " + EXTENT + ", " + BUFFER + ", true) AS geom"
            + " FROM incident f WHERE %s) s WHERE s.geom IS NOT NULL) t";
    /**
     * Positions by the centre of each geometry's box in Web Mercator (cheap: no geometry is read beyond its box;
     * incident_mercator_x/y come from V5, which keeps incident_cell with the same positions).
     */
    static final String CLUSTERS = "SELECT ST_AsMVT(t.*, '" + LAYER + "', " + EXTENT + ", 'geom') FROM ("
            + "SELECT count(*)::int AS count, coalesce(sum(m.fatalities), 0)::int AS fatalities,"
            + " mode() WITHIN GROUP (ORDER BY m.category) AS category,"
            + " ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(m.mx), avg(m.my)), 3857), " + BOUNDS + ", " + EXTENT
            + ", " + BUFFER + ", true) AS geom"
            + " FROM (SELECT f.fatalities, f.category, incident_mercator_x(f.geom) AS mx,"
            + " incident_mercator_y(f.geom) AS my FROM incident f WHERE %s) m"
            + " GROUP BY floor((m.mx - :tile_x0) / :cell), floor((m.my - :tile_y0) / :cell)) t WHERE t.geom IS NOT NULL";

    /**
     * Level of the grid of incident_cell (V5): 2^12 cells a side. Up to zoom 6 a tile's 64 x 64 clusters are
     * unions of cells; at zooms 7 and 8 each cell is a cluster (32 x 32 and 16 x 16 a tile).
     */
    static final int CELL_LEVEL = 12;
    static final int CELLS_UP_TO_ZOOM = 8;
    static final int GRID_LEVELS = 6;
    static final String CELL_CLUSTERS = "SELECT ST_AsMVT(t.*, '" + LAYER + "', " + EXTENT + ", 'geom') FROM ("
            + "SELECT sum(k.n)::int AS count, sum(k.f)::int AS fatalities,"
            + " (array_agg(k.category ORDER BY k.n DESC, k.category))[1] AS category,"
            + " ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(sum(k.sx) / sum(k.n), sum(k.sy) / sum(k.n)), 3857), " + BOUNDS
            + ", " + EXTENT + ", " + BUFFER + ", true) AS geom"
            + " FROM (SELECT c.cx >> :shift AS gx, c.cy >> :shift AS gy, c.category, sum(c.n) AS n,"
            + " sum(c.fatalities) AS f, sum(c.sum_mx) AS sx, sum(c.sum_my) AS sy FROM incident_cell c"
            + " WHERE c.cx BETWEEN :cx0 AND :cx1 AND c.cy BETWEEN :cy0 AND :cy1%s"
            + " GROUP BY 1, 2, 3) k"
            + " GROUP BY k.gx, k.gy) t WHERE t.geom IS NOT NULL";

    @Inject
    DataSource dataSource;

    @Inject
    ServiceConfig config;

    /** The tile's bytes (empty when nothing matches in it). */
    byte[] tile(TileAddress tile, IncidentQuery q, Geometry region) {
        boolean clustered = tile.z() < config.tiles().clusterBelow();
        if (clustered && tile.z() <= CELLS_UP_TO_ZOOM && q.datetime() == null && q.region() == null
                && q.intersects() == null && q.fatalitiesMin() == null
                && q.filter() == null) {
            return fromCells(tile, q);
        }
        SqlFilter filter = IncidentSearch.filter(q, region, true);
        double margin = tile.size() * BUFFER / EXTENT;
        double west = tile.minX() - margin;
        double east = tile.minX() + tile.size() + margin;
        double north = tile.maxY() + margin;
        double south = tile.maxY() - tile.size() - margin;
        filter.and(IN_TILE, "tile_w", TileAddress.lon(west), "tile_e", TileAddress.lon(east),
                "tile_s", TileAddress.lat(Math.max(south, -TileAddress.HALF_WORLD)),
                "tile_n", TileAddress.lat(Math.min(north, TileAddress.HALF_WORLD)));
        String sql = (clustered ? CLUSTERS : INCIDENTS).formatted(filter.where());
        Map<String, Object> values = IncidentSearch.with(filter, "z", tile.z(), "x", tile.x(), "y", tile.y(),
                "tile_x0", tile.minX(), "tile_y0", tile.maxY() - tile.size(), "cell", tile.size() / GRID);
        return run(sql, values);
    }

    /**
     * Clusters added up from the counts kept per level-12 cell and category (a few thousand rows for a tile,
     * however many incidents): only a category filter narrows them.
     */
    private byte[] fromCells(TileAddress tile, IncidentQuery q) {
        int span = CELL_LEVEL - tile.z();
        Map<String, Object> values = new HashMap<>(Map.of("z", tile.z(), "x", tile.x(), "y", tile.y(),
                "shift", Math.max(span - GRID_LEVELS, 0), "cx0", tile.x() << span, "cx1", ((tile.x() + 1) << span) - 1,
                "cy0", tile.y() << span, "cy1", ((tile.y() + 1) << span) - 1));
        String categories = "";
        if (q.categories() != null) {
            categories = " AND c.category = ANY(:categories)";
            values.put("categories", q.categories().toArray(String[]::new));
        }
        return run(CELL_CLUSTERS.formatted(categories), values);
    }

    private byte[] run(String sql, Map<String, Object> values) {
        return NamedSql.bytes(dataSource, sql, values);
    }
}
