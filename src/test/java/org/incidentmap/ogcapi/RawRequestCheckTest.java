package org.incidentmap.ogcapi;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request targets whose percent-encoding cannot be decoded (clients such as java.net.URI refuse to send them). */
class RawRequestCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"/collections/incidents/items?bbox=%%%", "/items?region=%C3%28", "/items/%ZZ",
        "/items?x=%4", "/items?x=%", "/items?x=%FF%FE"})
    void shouldNameAMalformedEncoding(String target) {
        assertNotNull(RawRequestCheck.malformedEncoding(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/collections/incidents/items?bbox=35.7,35.4,36.1,35.6", "/items?region=%C3%A9",
        "/items?intersects=POINT(1%202)", "/", "/items?q=%25"})
    void shouldPassAWellEncodedTarget(String target) {
        assertNull(RawRequestCheck.malformedEncoding(target));
    }
}
