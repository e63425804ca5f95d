package org.incidentmap.ogcapi;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where every link and Location starts: {@code incidentmap.http.public-url} when it is set (the address clients
 * use, e.g. behind a reverse proxy, so no header a client sends can change the links), else the request's base.
 */
public final class PublicBase {

    /** The setting as last read, with the configuration it was read from (a test may start another). */
    private record Setting(Config config, Optional<String> url) {
    }

    private static volatile Setting setting;

    private PublicBase() {
    }

    public static UriBuilder of(UriInfo uri) {
        return url().map(UriBuilder::fromUri).orElseGet(uri::getBaseUriBuilder);
    }

    // Read once per configuration: a page builds several links, and each lookup cost ~3% of a small query's CPU.
    private static Optional<String> url() {
        Config config = ConfigProvider.getConfig();
        Setting known = setting;
        if (known == null || known.config() != config) {
            known = new Setting(config, config.getOptionalValue("incidentmap.http.public-url", String.class)
                    .map(url -> url.endsWith("/") ? url : url + "/"));
            setting = known;
        }
        return known.url();
    }
}
