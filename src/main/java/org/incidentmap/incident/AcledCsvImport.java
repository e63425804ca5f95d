package org.incidentmap.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.incidentmap.geo.GeoJsonGeometryWriter;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.geo.InvalidGeometryException;
import org.incidentmap.geo.QueryGeometry;
import org.incidentmap.ogcapi.CsvReader;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.problem.Violation;

/**
 * Reads a CSV in ACLED's export layout (any of its columns, in any order; unknown columns are ignored) into
 * incident Features, which are then checked by the same rules as a POSTed Feature. Our own columns, as the CSV
 * export writes them (title, occurred_at, actors, sources, geometry, ...), take precedence over what is derived
 * from ACLED's. Problems are reported at {@code #row=N} (RFC 7111; the header is row 1) with the column named.
 */
final class AcledCsvImport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ACLED_LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final Map<String, String> TIME_PRECISIONS = Map.of("1", "day", "2", "week", "3", "month");
    private static final Map<String, String> GEO_PRECISIONS = Map.of("1", "exact", "2", "near", "3", "region");
    /** The CSV column a property comes from, to name it in problems. */
    private static final Map<String, String> COLUMN_OF = Map.of("category", "event_type", "sub_category",
            "sub_event_type", "description", "notes", "location_name", "location", "external_id", "event_id_cnty",
            "time_precision", "time_precision", "geo_precision", "geo_precision", "occurred_at", "event_date");

    private final GeometryLimits limits;

    AcledCsvImport(GeometryLimits limits) {
        this.limits = limits;
    }

    /** Reads every row of {@code body} into {@code bulk}. */
    void read(InputStream body, IncidentImport bulk) {
        CsvReader csv = new CsvReader(body);
        List<String> header = csv.next();
        if (header == null) {
            throw ProblemException.badBody("row=1", "the CSV is empty; its first row must name the columns");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("event_type") || !(columns.containsKey("event_date") || columns.containsKey("occurred_at"))
                || !(columns.containsKey("geometry") || columns.containsKey("latitude") && columns.containsKey("longitude"))) {
            throw ProblemException.badBody("row=1", "the header must name at least event_type, event_date (or "
                    + "occurred_at) and latitude and longitude (or geometry), as an ACLED export does");
        }
        long rows = 0;
        for (List<String> fields; (fields = csv.next()) != null; ) {
            String at = "/row=" + csv.recordNumber();
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue; // a blank line, such as one at the end
            }
            rows++;
            List<Violation> violations = bulk.violations();
            int before = violations.size();
            if (fields.size() != header.size()) {
                violations.add(new Violation("#row=" + csv.recordNumber(), null, "has " + fields.size()
                        + " fields; the header has " + header.size()));
                bulk.add((Incident) null);
                continue;
            }
            Row row = new Row(columns, fields, csv.recordNumber());
            ObjectNode feature = feature(row, at, violations);
            if (violations.size() > before) {
                bulk.add((Incident) null);
                continue;
            }
            Incident incident = IncidentFeatureReader.read(new FeatureBody.Located(feature, at), limits,
                    violations);
            rename(violations, before, csv.recordNumber());
            bulk.add(incident);
        }
        if (rows == 0) {
            throw ProblemException.badBody("row=2", "the CSV has a header but no incidents");
        }
    }

    /** The Feature a row stands for; problems with cells that cannot be mapped at all are added to violations. */
    private ObjectNode feature(Row row, String at, List<Violation> violations) {
        ObjectNode p = JSON.createObjectNode();
        String subEventType = row.text("sub_event_type");
        String eventType = row.text("event_type");
        String location = row.text("location");
        String title = row.text("title");
        p.put("title", title != null ? title : titleFrom(subEventType != null ? subEventType : eventType, location));
        p.put("description", row.text("notes"));
        p.put("category", eventType == null ? null : Category.wireName(eventType));
        p.put("sub_category", subEventType == null ? null : Category.wireName(subEventType));
        String occurredAt = row.text("occurred_at");
        p.put("occurred_at", occurredAt != null ? occurredAt : date(row.text("event_date"), row, violations));
        put(p, "occurred_until", row.text("occurred_until"));
        p.put("time_precision", row.text("time_precision_name") != null ? row.text("time_precision_name")
                : code(TIME_PRECISIONS, "time_precision", row, violations));
        String fatalities = row.text("fatalities");
        if (fatalities != null) {
            if (fatalities.matches("[0-9]{1,9}")) {
                p.put("fatalities", Integer.parseInt(fatalities));
            } else {
                violations.add(cell(row, "fatalities", "'" + fatalities + "' is not a whole number >= 0"));
            }
        }
        String actors = row.text("actors");
        p.set("actors", actors != null ? json(actors, "actors", row, violations) : actors(row));
        p.put("location_name", location);
        put(p, "admin1", row.text("admin1"));
        put(p, "admin2", row.text("admin2"));
        p.put("geo_precision", row.text("geo_precision_name") != null ? row.text("geo_precision_name")
                : code(GEO_PRECISIONS, "geo_precision", row, violations));
        String sources = row.text("sources");
        p.set("sources", sources != null ? json(sources, "sources", row, violations) : sources(row));
        put(p, "external_id", row.text("event_id_cnty"));
        ObjectNode feature = JSON.createObjectNode();
        feature.put("type", "Feature");
        feature.set("geometry", geometry(row, violations));
        feature.set("properties", p);
        return feature;
    }

    private static String titleFrom(String type, String location) {
        String what = type == null ? "Incident" : type;
        String title = location == null ? what : what + " in " + location;
        return title.length() > 500 ? title.substring(0, 500) : title;
    }

    /** ACLED's event_date: 2025-03-04, or the older 04 March 2025. */
    private static String date(String text, Row row, List<Violation> violations) {
        if (text == null) {
            violations.add(cell(row, "event_date", "is required"));
            return null;
        }
        try {
            return text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? LocalDate.parse(text).toString()
                    : LocalDate.parse(text, ACLED_LONG_DATE).toString();
        } catch (DateTimeParseException e) {
            violations.add(cell(row, "event_date", "'" + text + "' is not a date (2025-03-04 or 04 March 2025)"));
            return null;
        }
    }

    private static String code(Map<String, String> codes, String column, Row row, List<Violation> violations) {
        String text = row.text(column);
        if (text == null) {
            return null;
        }
        String value = codes.get(text);
        if (value == null) {
            violations.add(cell(row, column, "'" + text + "' is not one of ACLED's codes " + codes.keySet()));
        }
        return value;
    }

    /** actor1, assoc_actor_1, actor2, assoc_actor_2, in that order; associated actors are split at "; ". */
    private static ArrayNode actors(Row row) {
        ArrayNode actors = JSON.createArrayNode();
        for (String column : List.of("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")) {
            String text = row.text(column);
            if (text != null) {
                Arrays.stream(text.split(";")).map(String::strip).filter(a -> !a.isEmpty()).forEach(actors::add);
            }
        }
        return actors;
    }

    private static ArrayNode sources(Row row) {
        ArrayNode sources = JSON.createArrayNode();
        String text = row.text("source");
        if (text != null) {
            Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(name -> sources.addObject().put("name", name));
        }
        return sources;
    }

    private static JsonNode json(String text, String column, Row row, List<Violation> violations) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            violations.add(cell(row, column, "is not a JSON array"));
            return null;
        }
    }

    /** The geometry column (WKT, as the export writes it) when given, else the point latitude/longitude. */
    private JsonNode geometry(Row row, List<Violation> violations) {
        String wkt = row.text("geometry");
        if (wkt != null) {
            try {
                TokenBuffer out = new TokenBuffer(JSON, false);
                GeoJsonGeometryWriter.write(out, QueryGeometry.parse(wkt, limits));
                return JSON.readTree(out.asParser());
            } catch (InvalidGeometryException e) {
                violations.add(cell(row, "geometry", e.getMessage()));
                return null;
            } catch (IOException e) {
                throw new IllegalStateException("a parsed geometry could not be written", e);
            }
        }
        String lat = row.text("latitude");
        String lon = row.text("longitude");
        if (lat == null || lon == null || !lat.matches("-?[0-9]+(\\.[0-9]+)?") || !lon.matches("-?[0-9]+(\\.[0-9]+)?")) {
            violations.add(cell(row, lat == null || !lat.matches("-?[0-9]+(\\.[0-9]+)?") ? "latitude" : "longitude",
                    "must be a decimal number of degrees"));
            return null;
        }
        ObjectNode point = JSON.createObjectNode().put("type", "Point");
        point.putArray("coordinates").add(Double.parseDouble(lon)).add(Double.parseDouble(lat));
        return point;
    }

    private static void put(ObjectNode p, String name, String value) {
        if (value != null) {
            p.put(name, value);
        }
    }

    /** Renames the pointers of the problems a Feature reader found ("/row=3/properties/fatalities") to cells. */
    private static void rename(List<Violation> violations, int from, long record) {
        for (int i = from; i < violations.size(); i++) {
            Violation v = violations.get(i);
            String path = v.pointer() == null ? "" : v.pointer().replaceFirst("^#/row=[0-9]+", "");
            String property = path.startsWith("/properties/") ? path.substring("/properties/".length()).split("/")[0]
                    : path.startsWith("/geometry") ? "geometry" : null;
            String column = property == null ? null : COLUMN_OF.getOrDefault(property, property);
            violations.set(i, new Violation("#row=" + record, null,
                    (column == null ? "" : "column " + column + ": ") + v.detail()));
        }
    }

    private static Violation cell(Row row, String column, String detail) {
        return new Violation("#row=" + row.record, null, "column " + column + ": " + detail);
    }

    /** One record's fields by column name; blank cells read as null. */
    private static final class Row {
        private final Map<String, Integer> columns;
        private final List<String> fields;
        private final long record;

        Row(Map<String, Integer> columns, List<String> fields, long record) {
            this.columns = columns;
            this.fields = fields;
            this.record = record;
        }

        String text(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                return null;
            }
            // What an export guarded against formulas comes back as it was stored.
            String value = SpreadsheetFormulas.undo(fields.get(i)).strip();
            return value.isEmpty() ? null : value;
        }
    }
}
