package org.incidentmap.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.incidentmap.geo.StrictJson;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stored sources read back as they were written, from the text PostgreSQL's jsonb sends: plain text read by hand,
 * escapes, unicode and unexpected shapes through Jackson, each giving the same sources.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class StoredSourcesTest {

    @Inject
    DataSource dataSource;

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "[{\"name\": \"Reuters\", \"url\": null}]",
        "[{\"name\": \"SANA\", \"url\": \"https://sana.sy/en/?p=1\"}, {\"name\": \"Reuters\", \"url\": null}]",
        "[{\"name\": \"synthetic\"}]",
        "[{\"url\": \"https://example.org/a,b\"}]",
        "[{\"name\": \"\", \"url\": \"\"}]",
        "[{\"name\": \"Al-Watan \\\"daily\\\"\", \"url\": null}]",
        "[{\"name\": \"back\\\\slash\\nand line\", \"url\": null}]",
        "[{\"name\": \"control \\u0001 char\", \"url\": null}]",
        "[{\"name\": \"الوكالة العربية السورية للأنباء\", \"url\": null}]",
        "[{\"name\": \"emoji \\ud83d\\udccd pin\", \"url\": null}]",
        "[{\"name\": \"Reuters\", \"url\": null, \"note\": {\"kind\": \"wire\"}}]",
        "[{\"name\": \"nullish\", \"url\": null}, {\"name\": \"null\", \"url\": \"null\"}]",
    })
    void shouldReadTheSourcesJsonbSends(String written) throws SQLException, JsonProcessingException {
        assertEquals(expected(written), StoredSources.read(asJsonb(written)), "written as " + written);
    }

    /** The sources a general JSON reader finds in the text. */
    private static List<Source> expected(String json) throws JsonProcessingException {
        JsonNode tree = StrictJson.MAPPER.readTree(json);
        return StreamSupport.stream(tree.spliterator(), false)
                .map(o -> new Source(text(o.get("name")), text(o.get("url")))).toList();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The bytes the service's row reader gets for the value stored as jsonb. */
    private byte[] asJsonb(String json) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT CAST(? AS jsonb)::text")) {
            s.setString(1, json);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
