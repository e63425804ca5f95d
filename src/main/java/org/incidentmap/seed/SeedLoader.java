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
import java.util.List;
import java.util.function.Function;
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
        loadOnce("regions.geojson", regions::create);
        loadOnce("incidents.geojson", incidents::create);
    }

    /**
     * Stores the features of seeds/{@code name} with {@code store}, unless this database has loaded that file
     * before; the mark and the features commit together, so a failed load is retried at the next start.
     */
    @Transactional
    void loadOnce(String name, Function<List<FeatureBody.Located>, List<?>> store) {
        boolean firstTime = session.createNativeMutationQuery(MARK_LOADED).setParameter("name", name)
                .executeUpdate() == 1;
        if (firstTime) {
            int n = store.apply(FeatureBody.features(read(name), true)).size();
            LOG.infof("Loaded %d features from seeds/%s", n, name);
        }
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
