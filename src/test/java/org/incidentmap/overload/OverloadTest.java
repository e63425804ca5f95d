package org.incidentmap.overload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * When the database cannot serve a request in time (every pooled connection busy, a statement past its timeout),
 * the client gets a 503 problem with Retry-After within a bounded time, never a 500 or a hang.
 */
@QuarkusTest
@TestProfile(OverloadTest.SmallPool.class)
@QuarkusTestResource(PostgisTestResource.class)
class OverloadTest {

    /** Three connections, a one-second wait for one, one-second statements. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "3", "quarkus.datasource.jdbc.acquisition-timeout", "1S",
                    "incidentmap.timeout.statement", "1s");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswer503WhenEveryConnectionStaysBusy() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            given().when().get("/collections/incidents/items")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("2")).body("detail", containsString("busy"));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        given().when().get("/collections/incidents/items").then().statusCode(200);
    }

    @Test
    void shouldAnswer503WhenAStatementRunsPastItsTimeout() throws Exception {
        int before = Incidents.count();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("LOCK TABLE incident IN ACCESS EXCLUSIVE MODE");
            given().when().get("/collections/incidents/items")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("10")).body("detail", containsString("incidentmap.timeout.statement"));
            given().contentType("application/geo+json").body(Incidents.point("Blocked write", 12, 12))
                    .when().post("/collections/incidents/items")
                    .then().statusCode(503).contentType("application/problem+json");
            c.rollback();
        }
        assertEquals(before, Incidents.count());
    }
}
