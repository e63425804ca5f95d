package org.incidentmap.region;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.incidentmap.access.CurrentUser;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.cql2.Cql2Filter;
import org.incidentmap.cql2.SortBy;
import org.incidentmap.geo.Bbox;
import org.incidentmap.ogcapi.ChangeAuthor;
import org.incidentmap.ogcapi.CollectionExtent;
import org.incidentmap.ogcapi.DatabaseFailure;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.IfMatch;
import org.incidentmap.ogcapi.MergePatch;
import org.incidentmap.ogcapi.NamedSql;
import org.incidentmap.ogcapi.Page;
import org.incidentmap.ogcapi.PageCursor;
import org.incidentmap.ogcapi.PropertyReader;
import org.incidentmap.ogcapi.SpatialSql;
import org.incidentmap.ogcapi.SqlFilter;
import org.incidentmap.ogcapi.StoredRows;
import org.incidentmap.ogcapi.AuthorsShown;
import org.incidentmap.ogcapi.Tombstone;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.problem.Violation;
import org.locationtech.jts.geom.Geometry;

/** Reads, lists and writes named regions. Regions carry no time, so a datetime filter leaves them all in. */
@ApplicationScoped
public class RegionService {

    /** A page of ids in an order: the region id, the sort columns, the condition, the order. */
    static final String PAGE = "SELECT f.id%s FROM %s f WHERE %s ORDER BY %s LIMIT :limit OFFSET :offset";
    static final String COUNT = "SELECT count(*) FROM %s f WHERE %s";
    static final String TABLE = "region";
    static final String WITH_TOMBSTONES = Tombstone.withTombstones(RegionCollection.INFO);
    static final String EXTENT = "SELECT ST_XMin(e) AS xmin, ST_YMin(e) AS ymin, ST_XMax(e) AS xmax, ST_YMax(e) AS ymax"
            + " FROM (SELECT ST_Extent(geom) AS e FROM region) s";

    @Inject
    Session session;

    @Inject
    DataSource dataSource;

    @Inject
    CurrentUser user;

    @Inject
    ServiceConfig config;

    /** The geometry of region {@code id}, or nothing when there is no such region. */
    @Transactional
    public Optional<Geometry> geometry(String id) {
        if (!PropertyReader.storable(id)) {
            return Optional.empty(); // PostgreSQL text cannot hold a NUL, so no stored id has one
        }
        Region region = Region.findById(id);
        return Optional.ofNullable(region).map(r -> r.geom);
    }

    @Transactional
    public Region get(String id) {
        Region region = Region.findById(id);
        if (region == null) {
            throw ProblemException.notFound("There is no region with id '" + id + "'.");
        }
        return region;
    }

    /** Every region, in id order. */
    @Transactional
    public List<Region> all() {
        return Region.listAll(Sort.by("id"));
    }

    /**
     * Finds one page of regions intersecting {@code bbox} and matching {@code cql} (each when not null), in
     * {@code sort} order, after {@code offset} of them or after the cursor (keyset: it holds the last row's sort
     * values and id); with {@code tombstones}, the regions deleted after updated_after too.
     */
    @Transactional
    public Page<RegionListing> find(Bbox bbox, Cql2Filter cql, SortBy sort, int limit, int offset, String cursor,
            boolean tombstones) {
        SqlFilter filter = new SqlFilter();
        if (bbox != null) {
            SpatialSql.bbox(filter, bbox);
        }
        if (cql != null) {
            cql.addTo(filter);
        }
        SqlFilter page = filter.copy().set("limit", limit + 1).set("offset", offset);
        if (cursor != null) {
            sort.after(page, PageCursor.decode(cursor));
        }
        String source = tombstones ? WITH_TOMBSTONES : TABLE;
        String deletedColumns = tombstones ? ", f.updated_at, f." + Tombstone.COLUMN : "";
        NamedSql sql = new NamedSql(PAGE.formatted(deletedColumns + sort.columns(), source, page.where(),
                sort.orderBy()));
        List<String> ids = new ArrayList<>();
        Map<String, Tombstone> deleted = new HashMap<>();
        List<Map<String, Object>> sortValues = new ArrayList<>();
        session.doWork(c -> {
            try (PreparedStatement statement = sql.prepare(c, page.values()); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString("id"));
                    if (tombstones && rs.getString(Tombstone.COLUMN) != null) {
                        deleted.put(rs.getString("id"), new Tombstone(AuthorsShown.author(rs.getString(Tombstone.COLUMN)),
                                rs.getTimestamp("updated_at").toInstant()));
                    }
                    sortValues.add(sort.read(rs));
                }
            }
        });
        int n = Math.min(ids.size(), limit);
        String next = ids.size() > limit ? sort.cursorAfter(sortValues.get(n - 1), ids.get(n - 1)) : null;
        long matched = filter.bind(session.createNativeQuery(COUNT.formatted(source, filter.where()), Long.class))
                .getSingleResult();
        return new Page<>(inOrder(ids.subList(0, n), deleted), matched, next);
    }

    private static List<RegionListing> inOrder(List<String> ids, Map<String, Tombstone> deleted) {
        Map<String, Region> byId = new HashMap<>();
        List<String> live = ids.stream().filter(id -> !deleted.containsKey(id)).toList();
        if (!live.isEmpty()) {
            Region.<Region>list("id in ?1", live).forEach(r -> byId.put(r.id, r));
        }
        return ids.stream().map(id -> new RegionListing(id, byId.get(id), deleted.get(id))).toList();
    }

    @Transactional
    public List<Region> create(List<FeatureBody.Located> features) {
        ChangeAuthor.set(session, user.name());
        List<Region> regions = read(features, null);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            if (!ids.add(regions.get(i).id)) {
                throw ProblemException.badBody(features.get(i).pointer() + "/id", "the id '" + regions.get(i).id
                        + "' is given to an earlier feature of this collection too");
            }
        }
        for (Region region : regions) {
            if (Region.findById(region.id) != null) {
                throw ProblemException.conflict("A region with id '" + region.id + "' exists already; PUT to "
                        + "/collections/regions/items/" + region.id + " replaces it.");
            }
        }
        return StoredRows.flushed(session, () -> {
            Region.persist(regions);
            return regions;
        });
    }

    /** Replaces a region, if {@code ifMatch} accepts its version (read under a lock, so no write slips in). */
    @Transactional
    public Region replace(String id, FeatureBody.Located feature, IfMatch ifMatch) {
        ChangeAuthor.set(session, user.name());
        Region replacement = read(List.of(feature), id).get(0);
        return replaceWith(lockedForWrite(id, ifMatch), replacement);
    }

    /** Applies a JSON merge patch to a region as the API shows it, then stores it as a PUT would: all or nothing. */
    @Transactional
    public Region patch(String id, JsonNode patch, IfMatch ifMatch) {
        ChangeAuthor.set(session, user.name());
        Region stored = lockedForWrite(id, ifMatch);
        FeatureBody.Located feature = new FeatureBody.Located(MergePatch.apply(RegionFeatureWriter.json(stored),
                patch), "");
        FeatureBody.requireSameId(feature, id);
        return replaceWith(stored, read(List.of(feature), id).get(0));
    }

    private Region replaceWith(Region stored, Region replacement) {
        return StoredRows.flushed(session, () -> {
            stored.replaceWith(replacement);
            return stored;
        });
    }

    private Region lockedForWrite(String id, IfMatch ifMatch) {
        Region region = PropertyReader.storable(id) ? Region.findById(id, LockModeType.PESSIMISTIC_WRITE) : null;
        if (region == null) {
            throw notFound(id);
        }
        ifMatch.check(region.version, "Region " + id);
        return region;
    }

    @Transactional
    public void delete(String id, IfMatch ifMatch) {
        ChangeAuthor.set(session, user.name());
        if (!PropertyReader.storable(id)) {
            throw notFound(id); // PostgreSQL text cannot hold a NUL, so no stored id has one
        }
        // One statement, so that of several concurrent DELETEs one removes the row and the others find nothing (404),
        // where loading the entity and deleting it would fail at commit for all but one (a 500).
        long deleted = !ifMatch.given() || ifMatch.any() ? Region.delete("id", id)
                : Region.delete("id = ?1 and version in ?2", id, ifMatch.versions());
        if (deleted == 0) {
            Region existing = Region.findById(id);
            if (existing == null) {
                throw notFound(id);
            }
            ifMatch.check(existing.version, "Region " + id);
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("There is no region with id '" + id + "'.");
    }

    /** The bbox of every region: one plain JDBC query, a fraction of the CPU of one through Hibernate and JTA. */
    public CollectionExtent extent() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(EXTENT);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return CollectionExtent.fromRow(rs, false);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private List<Region> read(List<FeatureBody.Located> features, String id) {
        List<Violation> violations = new ArrayList<>();
        List<Region> regions = new ArrayList<>();
        for (FeatureBody.Located feature : features) {
            regions.add(RegionFeatureReader.read(feature, id, config.geometry().limits(), violations));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badBody(violations);
        }
        return regions;
    }
}
