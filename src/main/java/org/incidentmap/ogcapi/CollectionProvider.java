package org.incidentmap.ogcapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * One feature collection as the OGC layer sees it (a feature provider, as pygeoapi calls it): what it is, what a
 * filter may name, its extent, and how one of its features is read, written and changed. A collection package
 * declares one as a CDI bean; {@link CollectionRegistry} finds it, and nothing in this package names it.
 *
 * @param <T> a stored feature as the collection hands it out
 */
public interface CollectionProvider<T> {

    /** What the collection is: id, title, queryables, properties... */
    CollectionInfo info();

    /** Its extent now: a bbox in CRS84 and, for a collection with time, its first and last instants. */
    CollectionExtent extent();

    /** Links its collection document carries after the common ones (downloads, counts); {@code self} is its URL. */
    default List<Link> links(String self) {
        return List.of();
    }

    /** The feature with id {@code id}; a 404 problem when there is none. */
    T read(String id);

    Object id(T feature);

    /** The feature's version: its strong ETag. */
    long version(T feature);

    /** Writes {@code feature} as a GeoJSON Feature in {@code shape}, with {@code links}. */
    void write(JsonGenerator out, T feature, List<Link> links, FeatureShape shape) throws IOException;

    /** Replaces feature {@code id} with {@code feature}, if {@code ifMatch} accepts its version. */
    T replace(String id, FeatureBody.Located feature, IfMatch ifMatch);

    /** Applies an RFC 7396 merge patch to feature {@code id}, if {@code ifMatch} accepts its version. */
    T patch(String id, JsonNode patch, IfMatch ifMatch);

    /** Removes feature {@code id}, if {@code ifMatch} accepts its version. */
    void delete(String id, IfMatch ifMatch);
}
