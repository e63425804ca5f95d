package org.incidentmap.ogcapi;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.problem.RawProblem;

/**
 * Checks the request as sent, before the framework decodes it: a target or headers longer than the service takes
 * are a 414 or 431 problem (the network layer, whose limits are set above these, would answer without a body); a
 * target that is not a URI or whose percent-encoding is broken ({@code %%%}, {@code %C3%28}) is a 400 problem rather
 * than an empty 400; and a ';' in the path is refused, since the framework would drop it as a matrix parameter
 * ({@code DELETE /items/1;x=1} would delete item 1).
 */
@ApplicationScoped
public class RawRequestCheck {

    @Inject
    ServiceConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String target = ctx.request().uri();
        if (target.length() > config.http().maxUrlLength()) {
            RawProblem.send(ctx, 414, "The request target has " + target.length() + " characters; at most "
                    + config.http().maxUrlLength() + " are accepted. POST a long geometry to "
                    + "/collections/incidents/search instead.", true);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > config.http().maxHeaderBytes()) {
            RawProblem.send(ctx, 431, "The request headers have " + headerBytes + " bytes; at most "
                    + config.http().maxHeaderBytes() + " are accepted.", true);
            return;
        }
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (path.indexOf(';') >= 0) {
            RawProblem.send(ctx, 400, "Invalid path: ';' in a path; this service takes no matrix parameters, and no "
                    + "id contains one.", false);
            return;
        }
        String wrong = malformedEncoding(target);
        if (wrong == null) {
            wrong = unparsable(target);
        }
        if (wrong != null) {
            RawProblem.send(ctx, 400, "Invalid request target: " + wrong + ".", false);
            return;
        }
        ctx.next();
    }

    /** What is wrong with the percent-encoding of {@code target}, or null when it decodes to UTF-8 text. */
    static String malformedEncoding(String target) {
        ByteBuffer bytes = ByteBuffer.allocate(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c != '%') {
                bytes.put((byte) (c < 0x80 ? c : '?'));
            } else if (i + 2 < target.length() && isHex(target.charAt(i + 1)) && isHex(target.charAt(i + 2))) {
                bytes.put((byte) HexFormat.fromHexDigits(target, i + 1, i + 3));
                i += 2;
            } else {
                return "'%' at character " + (i + 1) + " is not followed by two hexadecimal digits (write %25 for %)";
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip());
            return null;
        } catch (CharacterCodingException e) {
            return "the percent-encoded bytes are not UTF-8 text";
        }
    }

    /**
     * What java.net.URI finds wrong with {@code target} (a space, a '{', a raw non-ASCII byte...), or null: the
     * check Quarkus makes itself unless {@link ServiceMain} turned it over to this class.
     */
    static String unparsable(String target) {
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException e) {
            return e.getReason() + " at character " + (e.getIndex() + 1);
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
