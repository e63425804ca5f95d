package org.incidentmap.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.incidentmap.geo.Rfc3339;
import org.incidentmap.geo.WktText;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The columns of an incidents CSV: first those of an ACLED export, in ACLED's order and with its codes
 * (time_precision 1-3, labels such as "Explosions/Remote violence"), then ours, which carry what ACLED's columns
 * cannot: our id, the title, exact times, both precisions by name, all actors and sources, and the geometry as WKT.
 * A file written with these columns and imported again gives the same incidents.
 */
final class AcledCsv {

    /** A column: its name in the header and how it writes an incident's field into a row. */
    record Column(String name, BiConsumer<CsvRow, StoredIncident> write) {

        /** Writes nothing: a sink can skip the call (44 columns share one call site, so none is inlined). */
        static final BiConsumer<CsvRow, StoredIncident> EMPTY = (row, i) -> { };

        /** A column of text computed from the incident. */
        Column(String name, Function<StoredIncident, String> value) {
            this(name, (row, i) -> row.field(value.apply(i)));
        }

        /** A column of stored free text, copied as the database's UTF-8. */
        static Column text(String name, Function<StoredIncident, Utf8Text> value) {
            return new Column(name, (row, i) -> row.field(value.apply(i)));
        }

        /** A column of one of the codes and labels below, or null: written from bytes encoded once. */
        static Column coded(String name, Function<StoredIncident, String> value) {
            return new Column(name, (row, i) -> row.field(value.apply(i), ENCODED));
        }

        /** A column ACLED has and we keep nothing for. */
        static Column empty(String name) {
            return new Column(name, EMPTY);
        }
    }

    private static final Map<String, String> TIME_CODES = Map.of("exact", "1", "day", "1", "week", "2", "month", "3");
    private static final Map<String, String> GEO_CODES = Map.of("exact", "1", "near", "2", "region", "3");
    private static final String CIVILIAN_TARGETING = "Civilian targeting";
    /** Every code and label a row can hold, as CSV bytes: encoding them in every row cost 3-10% of an export's CPU. */
    private static final Map<String, byte[]> ENCODED = encodedLabels();

    static final List<Column> COLUMNS = List.of(
            Column.text("event_id_cnty", StoredIncident::externalId),
            new Column("event_date", (row, i) -> row.date(utcDate(i.occurredAt()))),
            new Column("year", (row, i) -> row.number(utcDate(i.occurredAt()).getYear())),
            Column.coded("time_precision", i -> TIME_CODES.get(i.timePrecision())),
            Column.coded("disorder_type", i -> disorderType(category(i))),
            Column.coded("event_type", i -> category(i).label()),
            Column.coded("sub_event_type", i -> i.subCategory() == null ? null : category(i).subLabel(i.subCategory())),
            new Column("actor1", i -> actor(i, 0)),
            Column.empty("assoc_actor_1"),
            Column.empty("inter1"),
            new Column("actor2", i -> actor(i, 1)),
            new Column("assoc_actor_2", i -> i.actors().size() <= 2 ? null
                    : String.join("; ", i.actors().subList(2, i.actors().size()))),
            Column.empty("inter2"),
            Column.empty("interaction"),
            Column.coded("civilian_targeting", i -> category(i) == Category.VIOLENCE_AGAINST_CIVILIANS
                    ? CIVILIAN_TARGETING : null),
            Column.empty("iso"),
            Column.empty("region"),
            Column.empty("country"),
            Column.text("admin1", StoredIncident::admin1),
            Column.text("admin2", StoredIncident::admin2),
            Column.empty("admin3"),
            Column.text("location", StoredIncident::locationName),
            new Column("latitude", (row, i) -> row.decimal7(representativePoint(i.geom()).getY())),
            new Column("longitude", (row, i) -> row.decimal7(representativePoint(i.geom()).getX())),
            Column.coded("geo_precision", i -> i.geoPrecision() == null ? null : GEO_CODES.get(i.geoPrecision())),
            new Column("source", i -> sourceNames(i.sources())),
            Column.empty("source_scale"),
            Column.text("notes", StoredIncident::description),
            new Column("fatalities", (row, i) -> {
                if (i.fatalities() != null) {
                    row.number(i.fatalities());
                }
            }),
            Column.empty("tags"),
            new Column("timestamp", (row, i) -> row.number(i.updatedAt().getEpochSecond())),
            new Column("id", (row, i) -> row.number(i.id())),
            Column.text("title", StoredIncident::title),
            new Column("occurred_at", (row, i) -> row.instant(i.occurredAt())),
            new Column("occurred_until", (row, i) -> row.instant(
                    i.occurredUntil() == null ? null : Rfc3339.writtenEnd(i.occurredUntil()))),
            Column.coded("time_precision_name", i -> i.timePrecision()),
            Column.coded("geo_precision_name", i -> i.geoPrecision()),
            new Column("actors", AcledCsv::actors),
            new Column("sources", AcledCsv::sources),
            new Column("geometry", AcledCsv::geometry));

    private AcledCsv() {
    }

    private static Map<String, byte[]> encodedLabels() {
        Map<String, byte[]> labels = new HashMap<>();
        List<String> all = new ArrayList<>(List.of(CIVILIAN_TARGETING));
        all.addAll(TIME_CODES.keySet());
        all.addAll(TIME_CODES.values());
        all.addAll(GEO_CODES.keySet());
        all.addAll(GEO_CODES.values());
        for (Category c : Category.values()) {
            all.add(c.label());
            all.add(disorderType(c));
            c.subCategories().forEach(sub -> all.add(c.subLabel(sub)));
        }
        all.forEach(label -> labels.put(label, CsvRow.encoded(label)));
        return Map.copyOf(labels);
    }

    /** The actors as a JSON array of strings. */
    private static void actors(CsvRow row, StoredIncident i) {
        row.openQuotes();
        row.quotedAscii("[");
        for (int k = 0; k < i.actors().size(); k++) {
            row.quotedAscii(k == 0 ? "" : ",");
            row.quotedJson(i.actors().get(k));
        }
        row.quotedAscii("]");
        row.closeQuotes();
    }

    /** The sources as a JSON array of {"name": ..., "url": ...}. */
    private static void sources(CsvRow row, StoredIncident i) {
        row.openQuotes();
        row.quotedAscii("[");
        for (int k = 0; k < i.sources().size(); k++) {
            Source source = i.sources().get(k);
            row.quotedAscii(k == 0 ? "{\"name\":" : ",{\"name\":");
            row.quotedJson(source.name());
            row.quotedAscii(",\"url\":");
            row.quotedJson(source.url());
            row.quotedAscii("}");
        }
        row.quotedAscii("]");
        row.closeQuotes();
    }

    /** The geometry as WKT; a point, as most are, written straight into the row. */
    private static void geometry(CsvRow row, StoredIncident i) {
        if (i.geom() instanceof Point p && !p.isEmpty()) {
            row.ascii("POINT (");
            row.decimal7(p.getX());
            row.ascii(" ");
            row.decimal7(p.getY());
            row.ascii(")");
        } else {
            row.field(WktText.of(i.geom()));
        }
    }

    private static String sourceNames(List<Source> sources) {
        StringBuilder names = new StringBuilder();
        for (Source source : sources) {
            names.append(names.isEmpty() ? "" : "; ").append(source.name());
        }
        return names.toString();
    }

    private static Category category(StoredIncident i) {
        return Category.fromWire(i.category()).orElseThrow();
    }

    /** ACLED's disorder type of an event type; riots and protests are both demonstrations. */
    private static String disorderType(Category c) {
        return switch (c) {
            case BATTLES, EXPLOSIONS_REMOTE_VIOLENCE, VIOLENCE_AGAINST_CIVILIANS -> "Political violence";
            case PROTESTS, RIOTS -> "Demonstrations";
            case STRATEGIC_DEVELOPMENTS -> "Strategic developments";
        };
    }

    private static String actor(StoredIncident i, int index) {
        return i.actors().size() > index ? i.actors().get(index) : null;
    }

    /** The point ACLED's latitude/longitude stand for: a point itself, else a point inside the geometry. */
    static Point representativePoint(Geometry g) {
        return g instanceof Point p ? p : g.getInteriorPoint();
    }

    private static LocalDate utcDate(Instant t) {
        return LocalDate.ofEpochDay(Math.floorDiv(t.getEpochSecond(), 86_400));
    }
}
