package org.incidentmap.ogcapi;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Quarkus refuses a request target java.net.URI cannot parse ({@code bbox=%%%}) with an empty
 * 400 before any route runs; with that check off, {@link RawRequestCheck} makes the same check and answers with a
 * problem that says what is wrong. (Tests set the same property through the build.)
 */
@QuarkusMain
public final class ServiceMain {

    /** The JVM property Quarkus reads once, when it builds its HTTP root handler. */
    public static final String OWN_URI_VALIDATION = "vertx.disableURIValidation";

    ServiceMain() {
    }

    public static void main(String... args) {
        System.setProperty(OWN_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
