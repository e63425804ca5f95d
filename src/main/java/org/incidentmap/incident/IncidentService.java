package org.incidentmap.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.ogcapi.CollectionExtent;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.Page;
import org.incidentmap.ogcapi.StoredRows;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.problem.Violation;
import org.incidentmap.region.RegionService;

/** Reads, queries and writes incidents. Writes are all-or-nothing: one bad feature stores none. */
@ApplicationScoped
public class IncidentService {

    static final String EXTENT = "SELECT ST_XMin(e) AS xmin, ST_YMin(e) AS ymin, ST_XMax(e) AS xmax, ST_YMax(e) AS ymax,"
            + " t0, t1 FROM (SELECT ST_Extent(geom) AS e, min(occurred_at) AS t0,"
            + " max(coalesce(occurred_until, occurred_at)) AS t1 FROM incident) s";

    @Inject
    IncidentSearch search;

    @Inject
    RegionService regions;

    @Inject
    ServiceConfig config;

    @Inject
    Session session;

    @Transactional
    public Page<IncidentMatch> find(IncidentQuery query) {
        if (query.region() != null && !regions.exists(query.region())) {
            throw ProblemException.badParameter("region", "there is no region '" + query.region()
                    + "'; the ids are listed at /collections/regions/items");
        }
        return search.find(query);
    }

    @Transactional
    public Incident get(String featureId) {
        Incident incident = Incident.findById(id(featureId));
        if (incident == null) {
            throw ProblemException.notFound("There is no incident with id '" + featureId + "'.");
        }
        return incident;
    }

    /** Stores the incidents of the features of a body; all of them, or none if one is invalid. */
    @Transactional
    public List<Incident> create(List<FeatureBody.Located> features) {
        List<Incident> incidents = read(features);
        return StoredRows.flushed(session, () -> {
            Incident.persist(incidents);
            return incidents;
        });
    }

    @Transactional
    public Incident replace(String featureId, FeatureBody.Located feature) {
        Incident replacement = read(List.of(feature)).get(0);
        Incident stored = get(featureId);
        return StoredRows.flushed(session, () -> {
            stored.replaceWith(replacement);
            return stored;
        });
    }

    @Transactional
    public void delete(String featureId) {
        get(featureId).delete();
    }

    @Transactional
    public CollectionExtent extent() {
        return CollectionExtent.fromRow(session.createNativeQuery(EXTENT, Object[].class)
                .addScalar("xmin", Double.class).addScalar("ymin", Double.class)
                .addScalar("xmax", Double.class).addScalar("ymax", Double.class)
                .addScalar("t0", Instant.class).addScalar("t1", Instant.class)
                .getSingleResult());
    }

    private List<Incident> read(List<FeatureBody.Located> features) {
        List<Violation> violations = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        for (FeatureBody.Located feature : features) {
            incidents.add(IncidentFeatureReader.read(feature, config.geometry().maxVertices(), violations));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badBody(violations);
        }
        return incidents;
    }

    /** Parses a feature id; text that cannot be one of our ids names no incident (404), not a bad request. */
    private static long id(String featureId) {
        if (!featureId.matches("[0-9]{1,18}")) {
            throw ProblemException.notFound("There is no incident with id '" + featureId + "'.");
        }
        return Long.parseLong(featureId);
    }
}
