package org.incidentmap.region;

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

/** The regions collection as the OGC layer sees it. */
@ApplicationScoped
public class RegionCollection implements CollectionProvider<Region> {

    static final String ID = "regions";
    static final CollectionInfo INFO = new CollectionInfo(ID, "region", "Regions", "Named areas (governorate, "
            + "city, neighbourhood, town) to query incidents in, by id.", 2, RegionQueryables.ALL,
            RegionFeatureWriter.PROPERTIES, List.of("name", "kind", "approximate"), true,
            Role.ADMIN, false);

    @Inject
    RegionService service;

    @Override
    public CollectionInfo info() {
        return INFO;
    }

    @Override
    public CollectionExtent extent() {
        return service.extent();
    }

    @Override
    public Region read(String id) {
        return service.get(id);
    }

    @Override
    public Object id(Region region) {
        return region.id;
    }

    @Override
    public long version(Region region) {
        return region.version;
    }

    @Override
    public void write(JsonGenerator out, Region region, List<Link> links, FeatureShape shape) throws IOException {
        RegionFeatureWriter.write(out, region, links, shape);
    }

    @Override
    public Region replace(String id, FeatureBody.Located feature, IfMatch ifMatch) {
        return service.replace(id, feature, ifMatch);
    }

    @Override
    public Region patch(String id, JsonNode patch, IfMatch ifMatch) {
        return service.patch(id, patch, ifMatch);
    }

    @Override
    public void delete(String id, IfMatch ifMatch) {
        service.delete(id, ifMatch);
    }
}
