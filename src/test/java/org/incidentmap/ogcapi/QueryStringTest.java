package org.incidentmap.ogcapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

/** Query strings of self and next links: readable values, and only what a URI requires encoded. */
class QueryStringTest {

    @Test
    void shouldKeepCommasColonsAndSlashesOfBboxAndDatetime() {
        MultivaluedHashMap<String, String> bbox = new MultivaluedHashMap<>();
        bbox.add("bbox", "35.7,35.4,36.1,35.6");
        assertEquals("?bbox=35.7,35.4,36.1,35.6&cursor=aTo5", QueryString.of(bbox, "aTo5"));
        MultivaluedHashMap<String, String> datetime = new MultivaluedHashMap<>();
        datetime.add("datetime", "2025-03-01T00:00:00Z/..");
        assertEquals("?datetime=2025-03-01T00:00:00Z/..", QueryString.of(datetime, null));
    }

    @Test
    void shouldEncodeWhatAQueryCannotHoldAndReplaceTheCursor() {
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        params.add("intersects", "{\"type\":\"Point\"} a+b&c=d é");
        params.add("cursor", "old");
        assertEquals("?intersects=%7B%22type%22:%22Point%22%7D%20a%2Bb%26c%3Dd%20%C3%A9", QueryString.of(params, null));
    }
}
