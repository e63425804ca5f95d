package org.incidentmap.ogcapi;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.incidentmap.problem.ProblemException;

/** The feature collections of this service: every {@link CollectionProvider} bean, in their order. */
@ApplicationScoped
public class CollectionRegistry {

    @Inject
    @Any
    Instance<CollectionProvider<?>> found;

    private List<CollectionProvider<?>> all;

    @PostConstruct
    void init() {
        all = found.stream().sorted(Comparator.comparingInt(c -> c.info().position())).toList();
    }

    public List<CollectionProvider<?>> all() {
        return all;
    }

    public List<String> ids() {
        return all.stream().map(c -> c.info().id()).toList();
    }

    public Optional<CollectionProvider<?>> find(String id) {
        return all.stream().filter(c -> c.info().id().equals(id)).findFirst();
    }

    /** The collection {@code id}; a 404 problem naming the collections there are when there is none. */
    public CollectionProvider<?> get(String id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("There is no collection '" + id
                + "'; the collections are " + String.join(", ", ids()) + "."));
    }

    /** The collection whose items {@code path} (from the root: /collections/{id}/...) is under, if any. */
    public Optional<CollectionProvider<?>> under(String path) {
        String[] segments = path.replaceFirst("^/", "").split("/");
        return segments.length > 1 && segments[0].equals("collections") ? find(segments[1]) : Optional.empty();
    }
}
