package org.incidentmap.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.incidentmap.access.Role;
import org.incidentmap.ogcapi.CollectionExtent;
import org.incidentmap.ogcapi.CollectionInfo;
import org.incidentmap.ogcapi.CollectionProvider;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.FeatureShape;
import org.incidentmap.ogcapi.IfMatch;
import org.incidentmap.ogcapi.Link;

/** The incidents collection as the OGC layer sees it; its downloads and counts are linked from its document. */
@ApplicationScoped
public class IncidentCollection implements CollectionProvider<StoredIncident> {

    static final String ID = "incidents";
    static final CollectionInfo INFO = new CollectionInfo(ID, "incident", "Incidents", "Attacks, security "
            + "operations, clashes and arrests, with ACLED-style properties.", 1, IncidentQueryables.ALL,
            IncidentFeatureWriter.OUTPUT_PROPERTIES, List.of("title", "category", "occurred_at", "time_precision",
                    "fatalities", "location_name", "admin1", "distance_m"), true,
            Role.EDITOR, true);

    @Inject
    IncidentService service;

    @Override
    public CollectionInfo info() {
        return INFO;
    }

    @Override
    public CollectionExtent extent() {
        return service.extent();
    }

    @Override
    public List<Link> links(String self) {
        // OGC API - Features: "enclosure" links download the whole collection at once.
        return List.of(
                new Link(self + "/export?f=geojson", "enclosure", Link.GEOJSON, "Every incident, as GeoJSON"),
                new Link(self + "/export?f=geojsonseq", "enclosure", ExportFormat.GEOJSON_SEQ_TYPE,
                        "Every incident, one GeoJSON Feature per line"),
                new Link(self + "/export?f=csv", "enclosure", "text/csv",
                        "Every incident, as CSV in ACLED's columns plus ours"),
                new Link(self + "/aggregate?by=category", "related", Link.JSON, "Counts of incidents and "
                        + "fatalities (by category; also by region, admin1, admin2, day, week, month)"));
    }

    @Override
    public StoredIncident read(String id) {
        return service.read(id);
    }

    @Override
    public Object id(StoredIncident incident) {
        return incident.id();
    }

    @Override
    public long version(StoredIncident incident) {
        return incident.version();
    }

    @Override
    public void write(JsonGenerator out, StoredIncident incident, List<Link> links, FeatureShape shape)
            throws IOException {
        IncidentFeatureWriter.write(out, new IncidentMatch(incident, null), links, shape);
    }

    @Override
    public StoredIncident replace(String id, FeatureBody.Located feature, IfMatch ifMatch) {
        return StoredIncident.of(service.replace(id, feature, ifMatch));
    }

    @Override
    public StoredIncident patch(String id, JsonNode patch, IfMatch ifMatch) {
        return StoredIncident.of(service.patch(id, patch, ifMatch));
    }

    @Override
    public void delete(String id, IfMatch ifMatch) {
        service.delete(id, ifMatch);
    }
}
