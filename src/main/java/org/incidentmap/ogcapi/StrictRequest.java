package org.incidentmap.ogcapi;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.incidentmap.cql2.Queryable;
import org.incidentmap.cql2.QueryableParameters;
import org.incidentmap.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every request must be before an endpoint sees it, whatever its method: only the query parameters the
 * endpoint declares (OGC API - Features: 400 for an unknown one; a write declares none, so a misspelt option is
 * never silently ignored), each once; no control characters in the path or the query (PostgreSQL
 * text cannot hold a NUL, and none belongs in an id or a parameter).
 */
public class StrictRequest {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Set<String>> FIELDS = new ConcurrentHashMap<>();
    /** What endpoints that answer JSON only produce (queryables are a JSON Schema). */
    private static final Set<String> JSON_ONLY = Set.of(MediaType.APPLICATION_JSON, "application/schema+json");

    @Inject
    CollectionRegistry registry;

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        if (hasControlCharacter(request.getUriInfo().getPath())) {
            throw ProblemException.badPath("the path contains a control character (such as %00)");
        }
        Set<String> declared = DECLARED.computeIfAbsent(resource.getResourceMethod(), StrictRequest::declaredBy);
        Set<String> queryables = null;
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!declared.contains(name) && queryables == null) {
                queryables = queryableParameters(resource.getResourceMethod(), request.getUriInfo().getPath());
            }
            if (!declared.contains(name) && !queryables.contains(name)
                    && !namesJsonItAnswers(name, parameter.getValue(), resource)) {
                throw ProblemException.badParameter(name, declared.isEmpty()
                        ? "this endpoint takes no query parameters"
                        : "not a parameter of this endpoint; it takes " + String.join(", ", declared)
                        + (queryables.isEmpty() ? "" : ", and the queryables " + String.join(", ", queryables)
                        + " (name=value)"));
            }
            if (parameter.getValue().size() > 1) {
                throw ProblemException.badParameter(name, "given " + parameter.getValue().size() + " times; give it once");
            }
            if (hasControlCharacter(parameter.getValue().get(0))) {
                throw ProblemException.badParameter(name, "contains a control character (such as %00)");
            }
        }
    }

    /**
     * {@code f=json} on an endpoint that answers JSON only: what it would answer anyway, so clients that add it to
     * every URL (as OGC API clients do) are not refused. Any other format there is an unknown parameter.
     */
    private static boolean namesJsonItAnswers(String name, List<String> values, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                : method.getDeclaringClass().getAnnotation(Produces.class);
        return name.equals("f") && values.size() == 1 && values.get(0).equals("json") && produces != null
                && List.of(produces.value()).stream().allMatch(JSON_ONLY::contains);
    }

    /**
     * The queryables an endpoint whose parameters take them ({@link TakesQueryables}: the items filters, the change
     * feed) under a collection's path also takes as parameters of their own (OGC API - Features Part 3); none
     * elsewhere.
     */
    private Set<String> queryableParameters(Method method, String path) {
        for (Parameter p : method.getParameters()) {
            if (p.isAnnotationPresent(BeanParam.class) && TakesQueryables.class.isAssignableFrom(p.getType())) {
                Set<String> declared = parametersOf(p.getType());
                return registry.under(path).map(c -> QueryableParameters.of(c.info().queryables(), declared).stream()
                        .map(Queryable::name).collect(Collectors.toCollection(TreeSet::new))).orElse(new TreeSet<>());
            }
        }
        return Set.of();
    }

    /** C0 controls other than tab, line feed and carriage return (which pretty-printed GeoJSON may carry). */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The {@link QueryParam} fields of a parameter class: the declarations the OpenAPI document is built from. */
    public static Set<String> parametersOf(Class<?> type) {
        return FIELDS.computeIfAbsent(type, StrictRequest::fieldsOf);
    }

    private static Set<String> fieldsOf(Class<?> type) {
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

    private static Set<String> declaredBy(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            QueryParam query = p.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (p.isAnnotationPresent(BeanParam.class)) {
                names.addAll(fieldsOf(p.getType()));
            }
        }
        return names;
    }
}
