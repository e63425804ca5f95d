package org.incidentmap.support;

import static io.restassured.RestAssured.given;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds incident Features for API tests and stores them through the API. */
public final class Incidents {

    /** JSON numbers as doubles, so coordinates and distances compare exactly (REST Assured defaults to float). */
    public static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private Incidents() {
    }

    /** A valid incident Feature at a point, with its properties open for a test to change. */
    public static Map<String, Object> point(String title, double lon, double lat) {
        return feature(title, Map.of("type", "Point", "coordinates", List.of(lon, lat)));
    }

    public static Map<String, Object> feature(String title, Map<String, Object> geometry) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("title", title);
        properties.put("category", "battles");
        properties.put("sub_category", "armed_clash");
        properties.put("occurred_at", "2025-03-04");
        properties.put("fatalities", 0);
        properties.put("sources", List.of(Map.of("name", "Reuters")));
        Map<String, Object> feature = new HashMap<>();
        feature.put("type", "Feature");
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> feature) {
        return (Map<String, Object>) feature.get("properties");
    }

    public static Map<String, Object> collection(List<Map<String, Object>> features) {
        return Map.of("type", "FeatureCollection", "features", new ArrayList<>(features));
    }

    /**
     * Stores {@code n} incidents at random distances in [minMetres, maxMetres] and random bearings around
     * (lon, lat), placed with a flat approximation good to a few metres in the ring.
     */
    public static void storeRing(double lon, double lat, int n, double minMetres, double maxMetres, long seed) {
        Random random = new Random(seed);
        double metresPerDegreeLat = 111_100;
        double metresPerDegreeLon = metresPerDegreeLat * Math.cos(Math.toRadians(lat));
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double d = minMetres + random.nextDouble() * (maxMetres - minMetres);
            double bearing = random.nextDouble() * 2 * Math.PI;
            features.add(point("Ring " + seed + " incident " + i, lon + d * Math.sin(bearing) / metresPerDegreeLon,
                    lat + d * Math.cos(bearing) / metresPerDegreeLat));
        }
        given().contentType("application/geo+json").body(collection(features))
                .post("/collections/incidents/items").then().statusCode(201);
    }

    /** Stores {@code feature} and returns its id. */
    public static long create(Map<String, Object> feature) {
        return given().contentType("application/geo+json; charset=UTF-8").body(feature)
                .when().post("/collections/incidents/items")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** How many incidents are stored, as the API reports it. */
    public static int count() {
        return given().queryParam("limit", 1).when().get("/collections/incidents/items")
                .then().statusCode(200).extract().jsonPath().getInt("numberMatched");
    }
}
