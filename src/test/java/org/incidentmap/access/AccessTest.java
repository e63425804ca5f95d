package org.incidentmap.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.Regions;
import org.incidentmap.support.Shell;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * Who may write: editors change incidents, administrators also regions and API keys, readers nothing; a request
 * without a valid token is a 401 problem, one whose role is too low a 403 problem, and neither stores anything.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class AccessTest {

    private static String bearer(String role, String user) {
        return "Bearer " + TestIdentity.token(role, user);
    }

    private static Map<String, Object> incident(String title) {
        return Incidents.point(title, -33.0, 13.0);
    }

    @Test
    void shouldRefuseWritesWithoutAValidTokenAndStoreNothing() {
        int before = Incidents.count();
        String otherKeys = "target/test-keys-other";
        Shell.run(List.of("bash", "src/ops/tokens.sh", "keys", "--dir", otherKeys));
        String foreign = Shell.output(List.of("bash", "src/ops/tokens.sh", "mint", "--dir", otherKeys, "--user", "eve",
                "--role", "admin"));
        String expired = Shell.output(List.of("bash", "src/ops/tokens.sh", "mint", "--dir", "target/test-keys",
                "--user", "old", "--role", "admin", "--days", "-1"));
        given().header("Authorization", TestIdentity.ANONYMOUS).contentType("application/geo+json")
                .body(incident("no token")).when().post("/collections/incidents/items").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("detail", containsString("needs a user with the role editor"));
        for (String refused : List.of("Bearer not-a-token", "Bearer " + foreign, "Bearer " + expired,
            "Bearer imk_1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            given().header("Authorization", refused).contentType("application/geo+json").body(incident("bad token"))
                    .when().post("/collections/incidents/items").then().statusCode(401)
                    .contentType("application/problem+json").body("detail", containsString("was refused"));
        }
        assertThat(Incidents.count(), equalTo(before));
    }

    @Test
    void shouldLetEditorsChangeIncidentsButNotRegions() {
        String editor = bearer("editor", "eddie");
        long id = given().header("Authorization", editor).contentType("application/geo+json")
                .body(incident("by an editor")).when().post("/collections/incidents/items").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().header("Authorization", editor).when().delete("/collections/incidents/items/" + id).then()
                .statusCode(204);
        given().header("Authorization", editor).contentType("application/geo+json")
                .body(Regions.square("editor-region", "Editor's", "town", -30.0, 10.0, 0.1))
                .when().post("/collections/regions/items").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("User 'eddie' has the role editor; this needs admin or higher."));
        given().when().get("/collections/regions/items/editor-region").then().statusCode(404);
        given().header("Authorization", editor).when().delete("/collections/regions/items/qardaha").then()
                .statusCode(403);
        given().header("Authorization", bearer("reader", "rita")).contentType("application/geo+json")
                .body(incident("by a reader")).when().post("/collections/incidents/items").then().statusCode(403)
                .body("detail", containsString("has the role reader"));
    }

    @Test
    void shouldLetAdministratorsChangeRegions() {
        given().header("Authorization", bearer("admin", "ada")).contentType("application/geo+json")
                .body(Regions.square("admin-region", "Admin's", "town", -31.0, 11.0, 0.1))
                .when().post("/collections/regions/items").then().statusCode(201);
        given().header("Authorization", bearer("admin", "ada")).when().delete("/collections/regions/items/admin-region")
                .then().statusCode(204);
    }

    @Test
    void shouldKeepReadsOpenAndIgnoreAStaleTokenOnThem() {
        given().header("Authorization", TestIdentity.ANONYMOUS).when().get("/collections/incidents/items").then()
                .statusCode(200);
        given().header("Authorization", "Bearer expired-or-garbage").when().get("/collections/incidents/items").then()
                .statusCode(200);
        given().header("Authorization", TestIdentity.ANONYMOUS).contentType("text/plain").body("POINT(35.783 35.517)")
                .when().post("/collections/incidents/search").then().statusCode(200);
    }

    @Test
    void shouldMakeUseAndRevokeApiKeys() {
        JsonPath made = given().contentType("application/json")
                .body(Map.of("name", "nightly import", "role", "editor", "owner", "importer")).when()
                .post("/admin/api-keys").then().statusCode(201).header("Location", containsString("/admin/api-keys/"))
                .body("key", startsWith("imk_")).body("created_by", equalTo("test-admin"))
                .extract().jsonPath();
        String key = "Bearer " + made.getString("key");
        long keyId = made.getLong("id");
        long incident = given().header("Authorization", key).contentType("application/geo+json")
                .body(incident("with an API key")).when().post("/collections/incidents/items").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().header("Authorization", key).contentType("application/json").body(Map.of("name", "x", "role", "admin"))
                .when().post("/admin/api-keys").then().statusCode(403).body("detail", containsString("'importer'"));
        JsonPath listed = given().when().get("/admin/api-keys").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("keys.id", Long.class), hasItem(keyId));
        assertThat(listed.getList("keys.key"), not(hasItem(made.getString("key"))));
        given().when().delete("/admin/api-keys/" + keyId).then().statusCode(204);
        given().when().get("/admin/api-keys/" + keyId).then().statusCode(200).body("revoked_at", not(nullValue()));
        given().header("Authorization", key).when().delete("/collections/incidents/items/" + incident).then()
                .statusCode(401).body("detail", containsString("was refused"));
        given().when().get("/collections/incidents/items/" + incident).then().statusCode(200);
        given().when().delete("/admin/api-keys/999999").then().statusCode(404);
    }

    @Test
    void shouldRefuseABadKeyRequest() {
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("name", "x"), Map.<String, Object>of("name", "x",
                "role", "owner"), Map.<String, Object>of("name", "", "role", "editor"),
                Map.<String, Object>of("name", "x", "role", "editor", "expires", "never"))) {
            given().contentType("application/json").body(bad).when().post("/admin/api-keys").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", bearer("editor", "eddie")).when().get("/admin/api-keys").then().statusCode(403);
        given().header("Authorization", TestIdentity.ANONYMOUS).when().get("/admin/api-keys").then().statusCode(401);
    }
}
