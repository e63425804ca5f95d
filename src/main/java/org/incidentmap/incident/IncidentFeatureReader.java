package org.incidentmap.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.geo.Rfc3339;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.FeatureEnvelope;
import org.incidentmap.ogcapi.PropertyReader;
import org.incidentmap.problem.Violation;

/** Reads and validates one incident Feature of a request body into an unsaved {@link Incident}. */
final class IncidentFeatureReader {

    static final List<String> PROPERTIES = List.of("title", "description", "category", "sub_category",
            "occurred_at", "occurred_until", "time_precision", "fatalities", "actors", "location_name", "admin1",
            "admin2", "geo_precision", "sources", "external_id");
    /** {@link #PROPERTIES} for lookups, in the same order (named in problems). */
    static final Set<String> KNOWN = new LinkedHashSet<>(PROPERTIES);
    /** Set by the server; accepted and ignored so that a fetched Feature can be sent back as it is. */
    static final Set<String> SERVER_SET = Set.of("created_at", "updated_at", "distance_m");
    /**
     * Sizes of the list properties: they are returned with every page, so unbounded lists would make pages
     * unbounded (ACLED names two actors and a handful of sources per event).
     */
    static final int MAX_ACTORS = 50;
    static final int MAX_SOURCES = 50;
    static final int MAX_NAME = 300;
    static final int MAX_URL = 2000;
    static final List<String> TIME_PRECISIONS = List.of("exact", "day", "week", "month");
    static final List<String> GEO_PRECISIONS = List.of("exact", "near", "region");

    private IncidentFeatureReader() {
    }

    /** Reads {@code located}; adds every problem found to {@code violations} and returns null if there was one. */
    static Incident read(FeatureBody.Located located, GeometryLimits limits, List<Violation> violations) {
        int before = violations.size();
        FeatureEnvelope envelope = FeatureEnvelope.read(located, limits, violations);
        PropertyReader p = envelope.properties();
        p.rejectUnknown(KNOWN, SERVER_SET);

        Incident incident = new Incident();
        incident.geom = envelope.geometry();
        incident.title = p.text("title", true, 500);
        incident.description = p.text("description", false, 20_000);
        incident.category = category(p);
        incident.subCategory = subCategory(p, incident.category);
        String occurred = p.text("occurred_at", true, 100);
        incident.occurredAt = p.parsed("occurred_at", false, Rfc3339::startOf);
        incident.occurredUntil = p.parsed("occurred_until", false, Rfc3339::endOfSpan);
        if (incident.occurredAt != null && incident.occurredUntil != null
                && incident.occurredUntil.isBefore(incident.occurredAt)) {
            p.fail("occurred_until", "must not be before occurred_at");
        }
        String precision = p.oneOf("time_precision", false, TIME_PRECISIONS);
        incident.timePrecision = precision != null ? precision
                : occurred != null && Rfc3339.isDate(occurred) ? "day" : "exact";
        incident.fatalities = p.integer("fatalities", 0);
        incident.actors = p.list("actors", MAX_ACTORS, (node, at) -> node.isTextual() && !node.asText().isBlank()
                && PropertyReader.storable(node.asText()) && node.asText().length() <= MAX_NAME ? node.asText()
                : p.failAt(at, "must be a non-empty string of at most " + MAX_NAME + " characters, without NUL"));
        incident.locationName = p.text("location_name", false, 500);
        incident.admin1 = p.text("admin1", false, 200);
        incident.admin2 = p.text("admin2", false, 200);
        incident.geoPrecision = p.oneOf("geo_precision", false, GEO_PRECISIONS);
        incident.externalId = p.text("external_id", false, 100);
        incident.sources = p.list("sources", MAX_SOURCES, (node, at) -> source(p, node, at));
        return violations.size() == before ? incident : null;
    }

    /** The wire name of the category, which may be given as ACLED labels it ("Battles"). */
    private static String category(PropertyReader p) {
        String name = p.text("category", true, 100);
        return name == null ? null : Category.fromName(name).map(Category::wire).orElseGet(() -> p.fail("category",
                "'" + name + "' is not one of " + String.join(", ", Category.wireNames())
                + " (or ACLED's labels of them, such as Battles)"));
    }

    private static String subCategory(PropertyReader p, String category) {
        String given = p.text("sub_category", false, 100);
        if (given == null || category == null) {
            return given;
        }
        List<String> allowed = Category.fromWire(category).orElseThrow().subCategories();
        String sub = Category.wireName(given.strip());
        return allowed.contains(sub) ? sub
                : p.fail("sub_category", "'" + given + "' is not a sub-category of " + category + "; expected one of "
                        + String.join(", ", allowed));
    }

    private static Source source(PropertyReader p, JsonNode node, String at) {
        JsonNode name = node.get("name");
        JsonNode url = node.get("url");
        if (!node.isObject() || name == null || !name.isTextual() || name.asText().isBlank()
                || !PropertyReader.storable(name.asText()) || name.asText().length() > MAX_NAME) {
            return p.failAt(at, "a source is an object {\"name\": \"...\", \"url\": \"...\"} with a non-empty name"
                    + " of at most " + MAX_NAME + " characters");
        }
        if (url != null && !url.isNull() && !(url.isTextual() && url.asText().length() <= MAX_URL
                && url.asText().matches("https?://[^\\s\\x00]+"))) {
            return p.failAt(at + "/url", "must be an http(s) URL of at most " + MAX_URL + " characters");
        }
        return new Source(name.asText(), url == null || url.isNull() ? null : url.asText());
    }
}
