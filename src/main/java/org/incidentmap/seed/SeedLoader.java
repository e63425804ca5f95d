package org.incidentmap.seed;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hibernate.Session;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.incident.IncidentService;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.region.RegionService;
import org.jboss.logging.Logger;

/**
 * Loads seeds/regions.geojson and seeds/incidents.geojson (packaged on the class path) once per database, through
 * the same validation as the API. A seed_load row marks each file as loaded, so a restart neither duplicates the
 * seeds nor brings back one a user deleted.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    static final String MARK_LOADED = "INSERT INTO seed_load (name) VALUES (:name) ON CONFLICT DO NOTHING";

    @Inject
    ServiceConfig config;

    @Inject
    RegionService regions;

    @Inject
    IncidentService incidents;

    @Inject
    Session session;

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            load();
        }
    }

    /** Loads each seed file not yet marked as loaded in this database; regions first, since incidents refer to them. */
    @Transactional
    public void load() {
        if (markLoaded("regions.geojson")) {
            int n = regions.create(FeatureBody.features(read("regions.geojson"), true)).size();
            LOG.infof("Loaded %d seed regions", n);
        }
        if (markLoaded("incidents.geojson")) {
            int n = incidents.create(FeatureBody.features(read("incidents.geojson"), true)).size();
            LOG.infof("Loaded %d seed incidents", n);
        }
    }

    /** Returns true when this call marked {@code name} as loaded, false when it was loaded before. */
    private boolean markLoaded(String name) {
        return session.createNativeMutationQuery(MARK_LOADED).setParameter("name", name).executeUpdate() == 1;
    }

    private static String read(String name) {
        try (InputStream in = SeedLoader.class.getClassLoader().getResourceAsStream("seeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("seeds/" + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
