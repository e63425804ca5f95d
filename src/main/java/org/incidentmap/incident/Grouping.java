package org.incidentmap.incident;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What incidents are counted by: a property (category, admin1, admin2), the stored regions they intersect, or the
 * UTC day, ISO week or month of their start ({@code occurred_at}; a span is counted where it begins).
 */
enum Grouping {
    CATEGORY("category", "f.category"),
    REGION("region", null),
    ADMIN1("admin1", "f.admin1"),
    ADMIN2("admin2", "f.admin2"),
    DAY("day", "date_trunc('day', f.occurred_at AT TIME ZONE 'UTC')"),
    WEEK("week", "date_trunc('week', f.occurred_at AT TIME ZONE 'UTC')"),
    MONTH("month", "date_trunc('month', f.occurred_at AT TIME ZONE 'UTC')");

    private final String wire;
    private final String key;

    Grouping(String wire, String key) {
        this.wire = wire;
        this.key = key;
    }

    static Optional<Grouping> fromWire(String name) {
        return Arrays.stream(values()).filter(g -> g.wire.equals(name)).findFirst();
    }

    static String wireNames() {
        return Arrays.stream(values()).map(g -> g.wire).collect(Collectors.joining(", "));
    }

    String wire() {
        return wire;
    }

    /** The SQL expression of the group's key over an incident row {@code f} (null for regions: a join). */
    String keySql() {
        return key;
    }

    boolean byTime() {
        return this == DAY || this == WEEK || this == MONTH;
    }

    /** Whether every incident falls in exactly one group (so the groups add up to the total); regions overlap. */
    boolean partitions() {
        return this != REGION;
    }
}
