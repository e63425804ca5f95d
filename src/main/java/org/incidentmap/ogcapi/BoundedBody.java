package org.incidentmap.ogcapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.incidentmap.problem.ProblemException;

/**
 * Reads a request body that is held whole in memory (one Feature, a query geometry), refusing it with a 413
 * problem as soon as it passes the limit, whether or not it declared its length. Only bulk imports, which stream,
 * may send more, counted by {@link #capped}.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static String read(InputStream body, long maxBytes) {
        if (body == null) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = body.read(buffer)) != -1; ) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge(maxBytes, "The request body");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code body}, refusing with a 413 problem the byte past {@code maxBytes} (a streamed import's limit). */
    public static InputStream capped(InputStream body, long maxBytes) {
        return new CountedInput(body) {
            @Override
            protected void counted(long total) {
                if (total > maxBytes) {
                    throw tooLarge(maxBytes, "The import");
                }
            }
        };
    }

    /** A 413 for {@code what} ("The request body", "A single feature") being over {@code maxBytes}. */
    public static ProblemException tooLarge(long maxBytes, String what) {
        return new ProblemException(413, what + " is larger than the service accepts: at most " + maxBytes
                + " bytes. Many features may be sent as one FeatureCollection, GeoJSON text sequence or CSV to "
                + "POST /collections/incidents/items, which streams them; each feature stays under that limit.",
                List.of());
    }
}
