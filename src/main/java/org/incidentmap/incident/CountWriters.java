package org.incidentmap.incident;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incidentmap.ogcapi.FeatureCollectionWriter;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.region.Region;
import org.incidentmap.region.RegionFeatureWriter;

/** Writes counts as JSON, as CSV, and (by region) as a GeoJSON FeatureCollection of the regions. */
final class CountWriters {

    private CountWriters() {
    }

    /** {"by", "groups": [{key, name?, first?, last?, incidents, fatalities}], "total"? (when groups partition), links}. */
    static Map<String, Object> json(Grouping by, List<CountGroup> groups, List<Link> links) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("by", by.wire());
        json.put("groups", groups.stream().map(CountWriters::group).toList());
        if (by.partitions()) {
            Map<String, Object> total = new LinkedHashMap<>();
            total.put("incidents", groups.stream().mapToLong(CountGroup::incidents).sum());
            total.put("fatalities", groups.stream().mapToLong(CountGroup::fatalities).sum());
            json.put("total", total);
        }
        json.put("links", links);
        return json;
    }

    private static Map<String, Object> group(CountGroup g) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", g.key());
        if (g.name() != null) {
            json.put("name", g.name());
        }
        if (g.first() != null) {
            json.put("first_day", g.first().toString());
            json.put("last_day", g.last().toString());
        }
        json.put("incidents", g.incidents());
        json.put("fatalities", g.fatalities());
        return json;
    }

    /** One row per group: the key (named after the grouping), name or first/last day when they apply, counts. */
    static StreamingOutput csv(Grouping by, List<CountGroup> groups) {
        return stream -> {
            CsvRow row = new CsvRow();
            row.ascii(by.wire() + (by == Grouping.REGION ? ",name" : by.byTime() ? ",first_day,last_day" : "")
                    + ",incidents,fatalities\r\n");
            row.writeTo(stream);
            for (CountGroup g : groups) {
                row.clear();
                row.field(g.key());
                if (by == Grouping.REGION) {
                    row.append(',');
                    row.field(g.name());
                } else if (by.byTime()) {
                    row.append(',');
                    row.date(g.first());
                    row.append(',');
                    row.date(g.last());
                }
                row.append(',');
                row.number(g.incidents());
                row.append(',');
                row.number(g.fatalities());
                row.ascii("\r\n");
                row.writeTo(stream);
            }
        };
    }

    /** The regions as features with their properties and counts (incidents, fatalities), for a choropleth. */
    static StreamingOutput choropleth(List<CountGroup> groups, List<Region> regions, List<Link> links) {
        Map<String, CountGroup> byId = groups.stream().collect(Collectors.toMap(CountGroup::key, Function.identity()));
        return stream -> {
            try (JsonGenerator out = FeatureCollectionWriter.json().createGenerator(stream, JsonEncoding.UTF8)) {
                out.writeStartObject();
                out.writeStringField("type", "FeatureCollection");
                out.writeArrayFieldStart("features");
                for (Region r : regions) {
                    CountGroup g = byId.get(r.id);
                    Map<String, Long> counts = new LinkedHashMap<>();
                    counts.put("incidents", g == null ? 0 : g.incidents());
                    counts.put("fatalities", g == null ? 0 : g.fatalities());
                    RegionFeatureWriter.write(out, r, List.of(), counts);
                }
                out.writeEndArray();
                FeatureCollectionWriter.writeLinks(out, links);
                out.writeEndObject();
            }
        };
    }
}
