package org.incidentmap.region;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.incidentmap.ogcapi.NamedSql;
import org.incidentmap.tile.TileAddress;

/**
 * Builds region vector tiles (MVT, layer "regions") with ST_AsMVT: each region's outline clipped to the tile and
 * its buffer, with its id, name, kind and whether it is approximate. A region whose outline is finer than the
 * tile's resolution is simplified to it first, so a zoomed-out tile does not carry every vertex.
 */
@ApplicationScoped
public class RegionTiles {

    static final String LAYER = "regions";
    static final String ENVELOPE = "ST_TileEnvelope(:z, :x, :y)";
    static final String TILE = "SELECT ST_AsMVT(t.*, '" + LAYER + "', 4096, 'geom') FROM ("
            + "SELECT r.id, r.name, r.kind, r.approximate, ST_AsMVTGeom(ST_Simplify(ST_Transform(r.geom, 3857),"
            + " :resolution / 2, true), " + ENVELOPE + ", 4096, 64, true) AS geom FROM region r"
            + " WHERE r.geom && ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => 64.0 / 4096), 4326)) t"
            + " WHERE t.geom IS NOT NULL";

    @Inject
    DataSource dataSource;

    byte[] tile(TileAddress tile) {
        Map<String, Object> values = Map.of("z", tile.z(), "x", tile.x(), "y", tile.y(),
                "resolution", tile.size() / 4096);
        return NamedSql.bytes(dataSource, TILE, values);
    }
}
