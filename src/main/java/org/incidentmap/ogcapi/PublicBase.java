package org.incidentmap.ogcapi;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where every link and Location starts: {@code incidentmap.http.public-url} when it is set (the address clients
 * use, e.g. behind a reverse proxy, so no header a client sends can change the links), else the request's base.
 */
public final class PublicBase {

    private PublicBase() {
    }

    public static UriBuilder of(UriInfo uri) {
        Optional<String> configured = ConfigProvider.getConfig()
                .getOptionalValue("incidentmap.http.public-url", String.class);
        return configured.map(url -> UriBuilder.fromUri(url.endsWith("/") ? url : url + "/"))
                .orElseGet(uri::getBaseUriBuilder);
    }
}
