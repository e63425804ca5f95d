package org.incidentmap.ogcapi;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.incidentmap.problem.ProblemException;

/**
 * Rejects query parameters an endpoint does not declare (OGC API - Features: 400 for an unknown parameter) and
 * parameters given more than once. The declared names are read from the {@link QueryParam} fields of the
 * endpoint's parameter class, the same declarations the OpenAPI document is built from.
 */
public final class DeclaredParameters {

    private static final Map<Class<?>, Set<String>> NAMES = new ConcurrentHashMap<>();

    private DeclaredParameters() {
    }

    public static void check(MultivaluedMap<String, String> query, Class<?> declaredBy) {
        Set<String> declared = NAMES.computeIfAbsent(declaredBy, DeclaredParameters::namesOf);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!declared.contains(name)) {
                throw ProblemException.badParameter(name, "not a parameter of this endpoint; it takes "
                        + String.join(", ", declared));
            }
            if (parameter.getValue().size() > 1) {
                throw ProblemException.badParameter(name, "given " + parameter.getValue().size() + " times; give it once");
            }
        }
    }

    private static Set<String> namesOf(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                QueryParam q = f.getAnnotation(QueryParam.class);
                if (q != null) {
                    names.add(q.value());
                }
            }
        }
        return names;
    }
}
