package org.incidentmap.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Hostile requests, generated per parameter, body field and header: each must get a 4xx problem and store
 * nothing. Values are what a fuzzer, a careless client or an attacker would send; see {@link HostileInputTest}.
 */
final class HostileCases {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ITEMS = "/collections/incidents/items";
    static final String REGIONS = "/collections/regions/items";
    static final String GEOJSON = "application/geo+json";

    /** One request and the status it must get (0: any 4xx). */
    record Case(String name, String method, String path, String contentType, byte[] body, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostileCases() {
    }

    /** Stands for the id of an incident the test stores first (the target of PUTs and DELETEs). */
    static final String EXISTING = "{id}";

    static Stream<Case> all() {
        String existingId = EXISTING;
        List<Case> cases = new ArrayList<>();
        queryParameters(cases);
        paths(cases, existingId);
        incidentBodies(cases, existingId);
        rawBodies(cases, existingId);
        contentTypes(cases, existingId);
        imports(cases);
        regions(cases);
        return cases.stream();
    }

    // ---- query parameters -------------------------------------------------------------------------------------

    private static final String DEEP_WKT = "GEOMETRYCOLLECTION(".repeat(2000) + "POINT(1 2)" + ")".repeat(2000);
    private static final String CROSSING_GC_WKT =
            "GEOMETRYCOLLECTION(POLYGON((35 35,36 35,36 36,35 36,35 35)),POLYGON((35.5 35.5,37 35.5,37 37,35.5 37,35.5 35.5)))";
    private static final String CROSSING_GC_JSON = "{\"type\":\"GeometryCollection\",\"geometries\":["
            + "{\"type\":\"Polygon\",\"coordinates\":[[[35,35],[36,35],[36,36],[35,36],[35,35]]]},"
            + "{\"type\":\"Polygon\",\"coordinates\":[[[35.5,35.5],[37,35.5],[37,37],[35.5,37],[35.5,35.5]]]}]}";

    private static void queryParameters(List<Case> cases) {
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("bbox", List.of("35.7,35.4,36.1", "a,b,c,d", "35.7,35.6,36.1,35.4", "35.7,-95,36.1,35.4", ",,,",
                "1,2,3,4,5", "NaN,0,1,1", "Infinity,0,1,1", "1e400,0,1,1", "0,0,1,1,2", "%00", "0,0,1,1%00",
                "-181,0,1,1", "0,0,181,1"));
        bad.put("datetime", List.of("yesterday", "2025-03-05/2025-03-01", "../..", "2025-02-30", "2025-03-01/P300000Y",
                "P300000Y/2025-03-01", "9999-12-31/P1D", "2025-13-01", "2025-03-01T25:00:00Z", "/",
                "2025-03-01/2025-03-02/2025-03-03", "%00", "2025-03-01T10:00:00+25:00", "P1D", "0000-01-01",
                "2025-03-01/PT", "2025-03-01/P-1D"));
        bad.put("limit", List.of("0", "-3", "ten", "2.5", "0000000000", "00", "1e3", "%00", "0x10", "-0"));
        bad.put("cursor", List.of("%25%25%25", "bm9wZQ", "aTotNQ", "aTorNQ", "ZDpOYU46NQ",
                "aTo5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQ", "%00", "aTo1%00", "ZDo1OjU6NQ", "ZDotMTo1", "aTo"));
        bad.put("region", List.of("%00", "no-such-region", "UPPER", "a%00b", "x".repeat(300), "..%2Fregions",
                "latakia-governorate%00"));
        bad.put("intersects", List.of("POLYGON((0 0, 1 1))", enc("{\"type\":\"Point\"}"), "POINT(200 0)",
                "POINT(1 2) junk", "POINT(1 2))", enc(DEEP_WKT), enc(CROSSING_GC_WKT), enc(CROSSING_GC_JSON),
                "LINESTRING(10 20, -170 -20)", "POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))", "POLYGON EMPTY", "%7B",
                "%00", enc("{\"type\":\"Point\",\"coordinates\":[1,2],\"type\":\"Polygon\"}"),
                enc(deepJson(100)), "CIRCLE(1 2, 3)", "POINT(NaN NaN)", enc("POINT(1 2, 3 4)")));
        bad.put("category", List.of("skirmish", "battles,", ",", "%00", "battles%00", "protests,,riots"));
        bad.put("fatalities_min", List.of("-1", "1.5", "many", "99999999999", "%00", "1e2"));
        bad.put("colour", List.of("red"));
        bad.put("LIMIT", List.of("5"));
        bad.put("%00", List.of("1"));
        for (Map.Entry<String, List<String>> parameter : bad.entrySet()) {
            for (String value : parameter.getValue()) {
                String query = parameter.getKey() + "=" + value.replace(" ", "%20");
                cases.add(get("GET items ?" + shorten(query), ITEMS + "?" + query + companion(parameter.getKey())));
            }
        }
        Map<String, List<String>> radius = Map.of(
                "near", List.of("35.7", "35.7,91", "181,0", "a,b", "35.7,35.5,1", "%00", "NaN,NaN"),
                "radius", List.of("0", "-5km", "1001km", "far", "5kmx", "5mi", "NaN", "Infinity", "1e309m"));
        radius.forEach((name, values) -> values.forEach(value -> cases.add(get("GET items ?" + name + "=" + value,
                ITEMS + "?" + name + "=" + value + (name.equals("near") ? "&radius=5km" : "&near=35.78,35.52")))));
        for (String twice : List.of("limit=1&limit=2", "bbox=0,0,1,1&bbox=0,0,2,2", "near=35.78,35.52",
                "radius=5km", "cursor=aTox&cursor=aToy")) {
            cases.add(get("GET items ?" + twice, ITEMS + "?" + twice));
        }
        for (String query : List.of("limit=0", "bbox=1,2,3", "datetime=x", "region=%00", "colour=red", "f=xml",
                "intersects=POINT(1%202)", "near=1,2")) {
            cases.add(new Case("POST search ?" + query, "POST", "/collections/incidents/search?" + query, GEOJSON,
                    bytes("{\"type\":\"Point\",\"coordinates\":[35.78,35.52]}"), 400));
        }
        for (String query : List.of("f=xml", "f=kml", "limit=0", "cursor=aTox", "bbox=1,2,3", "colour=red", "f=%00")) {
            cases.add(get("GET export ?" + query, "/collections/incidents/export?" + query));
        }
        for (String query : List.of("bbox=1,2,3", "limit=0", "cursor=WCBZ", "cursor=JTAw", "datetime=x", "near=1,2",
                "region=x", "cursor=%00")) {
            cases.add(get("GET regions ?" + query, REGIONS + "?" + query));
        }
        for (String query : List.of("", "by=", "by=year", "by=%00", "by=day&by=week", "by=category&f=geojson",
                "by=day&f=xml", "by=day&limit=5", "by=day&cursor=aTox", "by=day&datetime=0001-01-01/9999-12-31",
                "by=region&region=%00", "by=month&near=1,2", "by=category&category=nope", "by=admin1&x=1")) {
            cases.add(get("GET aggregate ?" + query, "/collections/incidents/aggregate?" + query));
        }
        for (String path : List.of("/collections/regions/tiles/WebMercatorQuad/99/0/0",
                "/collections/regions/tiles/WebMercatorQuad/3/8/0", "/collections/regions/tiles/WebMercatorQuad/a/b/c",
                "/collections/regions/tiles?category=battles", "/?f=pdf", "/collections?f=html&f=json",
                "/collections/incidents/items?f=%00", "/conformance?f=%20html")) {
            cases.add(get("GET " + path, path));
        }
        for (String path : List.of("/?colour=red", "/conformance?x=1", "/collections?limit=5", "/api?f=xml",
                "/collections/incidents?bbox=0,0,1,1", "/collections/regions?x=%00")) {
            cases.add(get("GET " + path, path));
        }
    }

    private static String companion(String parameter) {
        return parameter.equals("radius") ? "&near=35.78,35.52" : "";
    }

    // ---- paths --------------------------------------------------------------------------------------------------

    private static void paths(List<Case> cases, String existingId) {
        List<String> ids = List.of("abc", "-1", "1.0", "99999999999999999999", existingId + ";x=1", "%00",
                existingId + "%00", "%20" + existingId, "0x1", existingId + "%2F", "1e3", ";", existingId + ";");
        for (String id : ids) {
            cases.add(get("GET item " + id, ITEMS + "/" + id));
            cases.add(new Case("DELETE item " + id, "DELETE", ITEMS + "/" + id, null, null, 0));
            cases.add(new Case("PUT item " + id, "PUT", ITEMS + "/" + id, GEOJSON, bytes(validFeature()), 0));
        }
        for (String id : List.of("UPPER", "%00", "a%00", "datour;x=1", "-x", "x".repeat(100))) {
            cases.add(get("GET region " + id, REGIONS + "/" + id));
            cases.add(new Case("DELETE region " + id, "DELETE", REGIONS + "/" + id, null, null, 0));
        }
        for (String body : List.of("{\"properties\": {\"fatalities\": -1}}", "{\"properties\": {\"title\": null}}",
                "{\"type\": \"FeatureCollection\"}", "{\"geometry\": null}", "{\"id\": 0}", "[]", "{",
                "{\"properties\": {\"category\": \"x\"}}", "{\"properties\": {\"colour\": \"red\"}}")) {
            cases.add(new Case("PATCH item " + body, "PATCH", ITEMS + "/" + existingId, "application/merge-patch+json",
                    bytes(body), 400));
        }
        cases.add(new Case("PATCH item as JSON", "PATCH", ITEMS + "/" + existingId, "application/json",
                bytes("{\"properties\": {\"fatalities\": 1}}"), 415));
        cases.add(new Case("PATCH item ?x=1", "PATCH", ITEMS + "/" + existingId + "?x=1",
                "application/merge-patch+json", bytes("{}"), 400));
        for (String query : List.of("x=1", "f=json", "limit=1")) {
            cases.add(new Case("DELETE item ?" + query, "DELETE", ITEMS + "/" + existingId + "?" + query, null, null, 400));
            cases.add(new Case("POST items ?" + query, "POST", ITEMS + "?" + query, GEOJSON, bytes(validFeature()), 400));
            cases.add(new Case("PUT item ?" + query, "PUT", ITEMS + "/" + existingId + "?" + query, GEOJSON,
                    bytes(validFeature()), 400));
        }
    }

    // ---- incident bodies ----------------------------------------------------------------------------------------

    static String validFeature() {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.05,35.46]},"
                + "\"properties\":{\"title\":\"Hostile probe\",\"category\":\"battles\",\"sub_category\":\"armed_clash\","
                + "\"occurred_at\":\"2025-03-04\",\"fatalities\":0,\"actors\":[\"Unidentified armed group\"],"
                + "\"sources\":[{\"name\":\"Reuters\",\"url\":\"https://www.reuters.com/\"}]}}";
    }

    private static void incidentBodies(List<Case> cases, String existingId) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        properties.put("title", List.of("null", "\"\"", "\"   \"", "42", "[\"t\"]", quoted("t".repeat(501)),
                "\"nul\\u0000here\"", "{}", "true"));
        properties.put("description", List.of("42", quoted("d".repeat(20_001)), "\"a\\u0000b\"", "[]"));
        properties.put("category", List.of("null", "\"skirmish\"", "\"Battle\"", "1", "\"\"", "[\"battles\"]"));
        properties.put("sub_category", List.of("\"peaceful_protest\"", "\"x\"", "2", quoted("s".repeat(101))));
        properties.put("occurred_at", List.of("null", "\"yesterday\"", "\"2025-02-30\"", "\"2025-03-04T25:00:00Z\"",
                "20250304", "\"+300000-01-01\"", "\"2025-03-04T10:00:00\"", "\"\""));
        properties.put("occurred_until", List.of("\"2025-03-01\"", "\"soon\"", "5", "\"2025-03-04T10:00:00\""));
        properties.put("time_precision", List.of("\"hour\"", "1", "\"\"", "\"DAY\""));
        properties.put("fatalities", List.of("-1", "1.5", "\"3\"", "99999999999", "1e3", "[]", "true"));
        properties.put("actors", List.of("\"one\"", "[1]", "[\"\"]", "[null]", "[\"a\\u0000\"]",
                "[" + quoted("a".repeat(301)) + "]", repeatArray("\"actor\"", 51), "{}", "[[\"nested\"]]"));
        properties.put("sources", List.of("\"Reuters\"", "[\"Reuters\"]", "[{}]", "[{\"name\":\"\"}]",
                "[{\"name\":\"R\",\"url\":\"javascript:alert(1)\"}]", "[{\"name\":\"R\",\"url\":\"ftp://x\"}]",
                "[{\"name\":\"R\",\"url\":" + quoted("https://x/" + "u".repeat(2000)) + "}]",
                "[{\"name\":" + quoted("n".repeat(301)) + "}]", repeatArray("{\"name\":\"R\"}", 51),
                "[{\"name\":\"R\",\"url\":\"https://a b\"}]", "[{\"name\":5}]"));
        properties.put("location_name", List.of("5", quoted("l".repeat(501)), "\"\\u0000\""));
        properties.put("admin1", List.of("5", quoted("a".repeat(201))));
        properties.put("admin2", List.of("[]", quoted("a".repeat(201))));
        properties.put("geo_precision", List.of("\"far\"", "1"));
        properties.put("external_id", List.of("5", quoted("e".repeat(101)), "\"\\u0000\""));
        properties.put("colour", List.of("\"red\""));
        properties.put("", List.of("1"));
        for (Map.Entry<String, List<String>> property : properties.entrySet()) {
            for (String value : property.getValue()) {
                String body = withProperty(property.getKey(), value);
                String name = "property " + property.getKey() + "=" + shorten(value);
                incidentBody(cases, name, body, existingId);
            }
        }
        List<String> geometries = List.of("null", "{}", "[]", "\"POINT(1 2)\"", "{\"type\":\"Point\"}",
                "{\"type\":\"Point\",\"coordinates\":[]}", "{\"type\":\"Point\",\"coordinates\":[200,0]}",
                "{\"type\":\"Point\",\"coordinates\":[0,95]}", "{\"type\":\"Point\",\"coordinates\":[\"1\",\"2\"]}",
                "{\"type\":\"Point\",\"coordinates\":[1,2,3,4]}", "{\"type\":\"Circle\",\"coordinates\":[1,2]}",
                "{\"type\":\"LineString\",\"coordinates\":[[1,2]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[]}", "{\"type\":\"MultiPolygon\",\"coordinates\":[]}",
                "{\"type\":\"LineString\",\"coordinates\":[[10,20],[-170,-20]]}", CROSSING_GC_JSON,
                "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"GeometryCollection\",\"geometries\":["
                        + "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]}]}]}]}",
                deepJson(200), "{\"type\":\"GeometryCollection\",\"geometries\":[]}",
                "{\"type\":\"GeometryCollection\"}", manyPoints(100_001),
                "{\"type\":\"Point\",\"coordinates\":[1,2],\"type\":\"Polygon\"}",
                "{\"type\":\"Point\",\"coordinates\":[1e400,2]}");
        for (String geometry : geometries) {
            incidentBody(cases, "geometry " + shorten(geometry), withGeometry(geometry), existingId);
        }
        for (String envelope : List.of("{\"type\":\"Feature\"}", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[1,2]},\"properties\":[]}", validFeature().replace("\"Feature\"", "\"feature\""),
                validFeature().replace("\"type\":\"Feature\",", ""), "{\"type\":\"FeatureCollection\"}",
                "{\"type\":\"FeatureCollection\",\"features\":{}}", "{\"type\":\"FeatureCollection\",\"features\":[1]}")) {
            incidentBody(cases, "envelope " + shorten(envelope), envelope, existingId);
        }
    }

    private static void incidentBody(List<Case> cases, String name, String feature, String existingId) {
        cases.add(new Case("POST " + name, "POST", ITEMS, GEOJSON, bytes(feature), 0));
        cases.add(new Case("PUT " + name, "PUT", ITEMS + "/" + existingId, GEOJSON, bytes(feature), 0));
        if (feature.startsWith("{\"type\":\"Feature\",")) {
            String collection = "{\"type\":\"FeatureCollection\",\"features\":[" + validFeature() + "," + feature + "]}";
            cases.add(new Case("POST collection with " + name, "POST", ITEMS, GEOJSON, bytes(collection), 0));
        }
    }

    // ---- raw bodies ---------------------------------------------------------------------------------------------

    private static void rawBodies(List<Case> cases, String existingId) {
        List<String> bodies = List.of("", " ", "{", "}", "null", "[]", "42", "\"Feature\"", validFeature() + "}}garbage",
                validFeature() + validFeature(), validFeature().replaceFirst("\\{", "{\"type\":\"x\","),
                "{\"type\":\"Feature\"," + "\"a\":".repeat(1) + deepJson(100) + "}", "\u0000", "<xml/>",
                validFeature().substring(0, 40), "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}",
                validFeature().replace("36.05", "NaN"), validFeature().replace(":0,", ":-0.0e-0,x"));
        for (String body : bodies) {
            cases.add(new Case("POST raw " + shorten(body), "POST", ITEMS, GEOJSON, bytes(body), 400));
            cases.add(new Case("PUT raw " + shorten(body), "PUT", ITEMS + "/" + existingId, GEOJSON, bytes(body), 400));
        }
        byte[] invalidUtf8 = bytes(validFeature().replace("Hostile probe", "Hostile XX"));
        int at = new String(invalidUtf8, StandardCharsets.ISO_8859_1).indexOf("XX");
        invalidUtf8[at] = (byte) 0xC3;
        invalidUtf8[at + 1] = (byte) 0x28;
        cases.add(new Case("POST invalid UTF-8", "POST", ITEMS, GEOJSON, invalidUtf8, 400));
        cases.add(new Case("POST search deep json", "POST", "/collections/incidents/search", GEOJSON,
                bytes(deepJson(100)), 400));
        cases.add(new Case("POST search crossing collection", "POST", "/collections/incidents/search", GEOJSON,
                bytes(CROSSING_GC_JSON), 400));
        cases.add(new Case("POST search 100,001 points", "POST", "/collections/incidents/search", GEOJSON,
                bytes(manyPoints(100_001)), 400));
        cases.add(new Case("POST search empty", "POST", "/collections/incidents/search", GEOJSON, bytes(""), 400));
    }

    private static void contentTypes(List<Case> cases, String existingId) {
        for (String type : List.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "image/png")) {
            cases.add(new Case("POST Content-Type '" + type + "'", "POST", ITEMS, type, bytes(validFeature()), 415));
            cases.add(new Case("PUT Content-Type '" + type + "'", "PUT", ITEMS + "/" + existingId, type,
                    bytes(validFeature()), 415));
        }
        cases.add(new Case("POST no Content-Type", "POST", ITEMS, null, bytes(validFeature()), 415));
        cases.add(new Case("PUT no Content-Type", "PUT", ITEMS + "/" + existingId, null, bytes(validFeature()), 415));
    }

    // ---- imports ------------------------------------------------------------------------------------------------

    private static void imports(List<Case> cases) {
        String good = validFeature();
        String seq = "application/geo+json-seq";
        cases.add(new Case("seq: bad second line", "POST", ITEMS, seq, bytes(good + "\n{\"type\":\"Feature\"}\n"), 400));
        cases.add(new Case("seq: garbage line", "POST", ITEMS, seq, bytes(good + "\nnot json\n"), 400));
        cases.add(new Case("seq: RS then garbage", "POST", ITEMS, seq, bytes("\u001e" + good + "\n\u001e}}\n"), 400));
        cases.add(new Case("seq: collection inside", "POST", ITEMS, seq,
                bytes("{\"type\":\"FeatureCollection\",\"features\":[]}\n"), 400));
        cases.add(new Case("seq: same external id twice", "POST", ITEMS, seq, bytes(withProperty("external_id", "\"X1\"")
                + "\n" + withProperty("external_id", "\"X1\"") + "\n"), 400));
        cases.add(new Case("collection: trailing garbage", "POST", ITEMS, GEOJSON,
                bytes("{\"type\":\"FeatureCollection\",\"features\":[" + good + "]}x"), 400));
        cases.add(new Case("collection: features twice", "POST", ITEMS, GEOJSON,
                bytes("{\"type\":\"FeatureCollection\",\"features\":[],\"features\":[" + good + "]}"), 400));
        cases.add(new Case("collection: unterminated", "POST", ITEMS, GEOJSON,
                bytes("{\"type\":\"FeatureCollection\",\"features\":[" + good + ","), 400));
        String header = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,admin1,admin2,"
                + "location,latitude,longitude,geo_precision,source,notes,fatalities";
        String row = "SYR1,04 March 2025,1,Battles,Armed clash,Group A,,Latakia,Latakia,Latakia,35.52,35.78,1,Reuters,Clash,0";
        cases.add(new Case("csv: latitude out of range", "POST", ITEMS, "text/csv",
                bytes(header + "\n" + row + "\n" + row.replace("SYR1", "SYR2").replace("35.52", "95.0") + "\n"), 400));
        cases.add(new Case("csv: bad date", "POST", ITEMS, "text/csv",
                bytes(header + "\n" + row.replace("04 March 2025", "yesterday") + "\n"), 400));
        cases.add(new Case("csv: unknown event type", "POST", ITEMS, "text/csv",
                bytes(header + "\n" + row.replace("Battles", "Skirmish") + "\n"), 400));
        cases.add(new Case("csv: negative fatalities", "POST", ITEMS, "text/csv",
                bytes(header + "\n" + row.replace(",Clash,0", ",Clash,-1") + "\n"), 400));
        cases.add(new Case("csv: unterminated quote", "POST", ITEMS, "text/csv",
                bytes(header + "\n" + row.replace("Clash", "\"Clash") + "\n"), 400));
        cases.add(new Case("csv: NUL in a cell", "POST", ITEMS, "text/csv",
                bytes(header + "\n" + row.replace("Clash", "Cl\u0000ash") + "\n"), 400));
        cases.add(new Case("csv: no header", "POST", ITEMS, "text/csv", bytes(row + "\n"), 400));
        cases.add(new Case("csv: short row", "POST", ITEMS, "text/csv", bytes(header + "\nSYR1,04 March 2025\n"), 400));
    }

    // ---- regions ------------------------------------------------------------------------------------------------

    private static void regions(List<Case> cases) {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[35.9,35.3],[36.0,35.3],[36.0,35.4],[35.9,35.4],[35.9,35.3]]]}";
        List<String> bad = List.of(
                region("\"Bad Id\"", square, "\"Test\""), region("\"-x\"", square, "\"Test\""),
                region("5", square, "\"Test\""), region("null", square, "\"Test\""),
                region("\"hostile-a\"", "{\"type\":\"Point\",\"coordinates\":[1,2]}", "\"Test\""),
                region("\"hostile-b\"", CROSSING_GC_JSON, "\"Test\""),
                region("\"hostile-c\"", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}", "\"Test\""),
                region("\"hostile-d\"", square, "null"), region("\"hostile-e\"", square, quoted("n".repeat(201))),
                region("\"hostile-f\"", square, "\"a\\u0000\""), region("\"hostile-g\"", manyPoints(100_001), "\"Test\""),
                region("\"hostile-h\"", "null", "\"Test\""), region("\"latakia-governorate\"", square, "\"Dup\""));
        for (String body : bad) {
            cases.add(new Case("POST region " + shorten(body), "POST", REGIONS, GEOJSON, bytes(body), 0));
        }
        cases.add(new Case("PUT region other id", "PUT", REGIONS + "/datour", GEOJSON,
                bytes(region("\"qardaha\"", square, "\"Test\"")), 400));
        cases.add(new Case("PUT region bowtie", "PUT", REGIONS + "/datour", GEOJSON, bytes(region("\"datour\"",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}", "\"Test\"")), 400));
    }

    private static String region(String id, String geometry, String name) {
        return "{\"type\":\"Feature\",\"id\":" + id + ",\"geometry\":" + geometry + ",\"properties\":{\"name\":" + name
                + ",\"kind\":\"test\"}}";
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Case get(String name, String path) {
        return new Case(name, "GET", path, null, null, 0);
    }

    static String withProperty(String name, String valueJson) {
        try {
            ObjectNode feature = (ObjectNode) JSON.readTree(validFeature());
            JsonNode value = JSON.readTree(valueJson);
            ((ObjectNode) feature.get("properties")).set(name, value);
            return JSON.writeValueAsString(feature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withGeometry(String geometryJson) {
        String f = validFeature();
        int start = f.indexOf("\"geometry\":") + "\"geometry\":".length();
        int end = f.indexOf(",\"properties\"");
        return f.substring(0, start) + geometryJson + f.substring(end);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String repeatArray(String item, int times) {
        return "[" + String.join(",", java.util.Collections.nCopies(times, item)) + "]";
    }

    /** Arrays nested {@code depth} deep. */
    static String deepJson(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String manyPoints(int n) {
        ArrayNode coordinates = JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            coordinates.addArray().add(35 + (i % 1000) / 1000.0).add(35 + (i / 1000) / 1000.0);
        }
        return "{\"type\":\"MultiPoint\",\"coordinates\":" + coordinates + "}";
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("[\\x00-\\x1f]", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
