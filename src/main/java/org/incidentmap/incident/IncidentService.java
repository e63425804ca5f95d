package org.incidentmap.incident;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;
import org.incidentmap.access.CurrentUser;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.ogcapi.ChangeAuthor;
import org.incidentmap.ogcapi.CollectionExtent;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.IfMatch;
import org.incidentmap.ogcapi.MergePatch;
import org.incidentmap.ogcapi.Page;
import org.incidentmap.ogcapi.StoredRows;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.problem.Violation;
import org.incidentmap.region.RegionService;
import org.locationtech.jts.geom.Geometry;

/** Reads, queries and writes incidents. Writes are all-or-nothing: one bad feature stores none. */
@ApplicationScoped
public class IncidentService {

    @Inject
    IncidentSearch search;

    @Inject
    RegionService regions;

    @Inject
    IncidentExtent extent;

    @Inject
    ServiceConfig config;

    @Inject
    Session session;

    @Inject
    CurrentUser user;

    @Inject
    DataSource dataSource;

    @Inject
    ManagedExecutor executor;

    private Semaphore importSlots;
    /** Large import bodies being received into temporary files at once. */
    private Semaphore receiving;

    @PostConstruct
    void init() {
        importSlots = new Semaphore(config.bulkImport().maxConcurrent());
        receiving = new Semaphore(config.bulkImport().maxConcurrent());
    }

    /** A new bulk import of a body of {@code declaredBytes} (-1: unknown); close it (try-with-resources) whether or not it was finished. */
    /** Declared body sizes from which an import may go straight into the table: such a body is received first. */
    long receiveFirstAtBytes() {
        return config.bulkImport().rebuildAtLeast() * IncidentImport.BYTES_PER_ROW;
    }

    /** The body of an import, received first when it may go straight into the table ({@link ReceivedBody}). */
    ReceivedBody receive(InputStream body, long declaredBytes) {
        return ReceivedBody.of(body, declaredBytes, receiveFirstAtBytes(), receiving);
    }

    IncidentImport bulkImport(long declaredBytes) {
        return new IncidentImport(dataSource, config, executor, declaredBytes, importSlots, user.name());
    }

    public Page<IncidentMatch> find(IncidentQuery query) {
        return search.find(query, region(query));
    }

    /** The geometry of the query's region, null when it names none; a 400 when there is no such region. */
    Geometry region(IncidentQuery query) {
        return query.region() == null ? null : regions.geometry(query.region())
                .orElseThrow(() -> ProblemException.badParameter("region", "there is no region '" + query.region()
                        + "'; the ids are listed at /collections/regions/items"));
    }

    /** Reads one incident for display (no ORM: the read path of every query). */
    public StoredIncident read(String featureId) {
        return search.get(id(featureId)).orElseThrow(() -> notFound(featureId));
    }

    @Transactional
    public Incident get(String featureId) {
        Incident incident = Incident.findById(id(featureId));
        if (incident == null) {
            throw notFound(featureId);
        }
        return incident;
    }

    /** Stores the incidents of the features of a body; all of them, or none if one is invalid. */
    @Transactional
    public List<Incident> create(List<FeatureBody.Located> features) {
        ChangeAuthor.set(session, user.name());
        List<Incident> incidents = read(features);
        return StoredRows.flushed(session, () -> {
            Incident.persist(incidents);
            return incidents;
        });
    }

    /** Replaces an incident, if {@code ifMatch} accepts its version (read under a lock, so no write slips in). */
    @Transactional
    public Incident replace(String featureId, FeatureBody.Located feature, IfMatch ifMatch) {
        ChangeAuthor.set(session, user.name());
        Incident replacement = read(List.of(feature)).get(0);
        return replaceWith(lockedForWrite(featureId, ifMatch), replacement);
    }

    /**
     * Applies a JSON merge patch to an incident as the API shows it, then stores the result as a PUT of the whole
     * feature would (same checks): all of it, or nothing.
     */
    @Transactional
    public Incident patch(String featureId, JsonNode patch, IfMatch ifMatch) {
        ChangeAuthor.set(session, user.name());
        Incident stored = lockedForWrite(featureId, ifMatch);
        JsonNode patched = MergePatch.apply(IncidentFeatureWriter.json(StoredIncident.of(stored)), patch);
        FeatureBody.Located feature = new FeatureBody.Located(patched, "");
        FeatureBody.requireSameId(feature, featureId);
        return replaceWith(stored, read(List.of(feature)).get(0));
    }

    private Incident replaceWith(Incident stored, Incident replacement) {
        return StoredRows.flushed(session, () -> {
            stored.replaceWith(replacement);
            return stored;
        });
    }

    /** The incident, locked until the transaction ends; a 404 when there is none, a 412 when If-Match refuses it. */
    private Incident lockedForWrite(String featureId, IfMatch ifMatch) {
        Incident incident = Incident.findById(id(featureId), LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            throw notFound(featureId);
        }
        ifMatch.check(incident.version, "Incident " + featureId);
        return incident;
    }

    @Transactional
    public void delete(String featureId, IfMatch ifMatch) {
        ChangeAuthor.set(session, user.name());
        long id = id(featureId);
        // One statement, so that of several concurrent DELETEs one removes the row and the others find nothing (404),
        // where loading the entity and deleting it would fail at commit for all but one (a 500).
        long deleted = !ifMatch.given() || ifMatch.any() ? Incident.delete("id", id)
                : Incident.delete("id = ?1 and version in ?2", id, ifMatch.versions());
        if (deleted == 0) {
            Incident existing = Incident.findById(id);
            if (existing == null) {
                throw notFound(featureId);
            }
            ifMatch.check(existing.version, "Incident " + featureId);
        }
    }

    public CollectionExtent extent() {
        return extent.get();
    }

    private List<Incident> read(List<FeatureBody.Located> features) {
        List<Violation> violations = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        for (FeatureBody.Located feature : features) {
            incidents.add(IncidentFeatureReader.read(feature, config.geometry().limits(), violations));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badBody(violations);
        }
        return incidents;
    }

    /** Parses a feature id; text that cannot be one of our ids names no incident (404), not a bad request. */
    private static long id(String featureId) {
        if (!featureId.matches("[0-9]{1,18}")) {
            throw notFound(featureId);
        }
        return Long.parseLong(featureId);
    }

    private static ProblemException notFound(String featureId) {
        return ProblemException.notFound("There is no incident with id '" + featureId + "'.");
    }
}
