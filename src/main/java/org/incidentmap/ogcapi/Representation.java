package org.incidentmap.ogcapi;

import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.incidentmap.problem.ProblemException;

/** One of the formats an endpoint answers in: its {@code f=} name and its media type. */
public interface Representation {

    String formatName();

    MediaType mediaType();

    /**
     * The format named by {@code f} when given, else the first of {@code formats} (in their order of preference)
     * that the client accepts; a 400 for an unknown {@code f}, a 406 when nothing acceptable is offered.
     */
    static <F extends Representation> F choose(F[] formats, String f, List<MediaType> acceptable, String what) {
        if (f != null) {
            return Arrays.stream(formats).filter(v -> v.formatName().equals(f)).findFirst()
                    .orElseThrow(() -> ProblemException.badParameter("f", "'" + f + "' is not a format of " + what
                            + "; expected one of " + names(formats)));
        }
        for (MediaType accepted : acceptable) {
            for (F format : formats) {
                if (accepted.isCompatible(format.mediaType())) {
                    return format;
                }
            }
        }
        throw new ProblemException(406, what.substring(0, 1).toUpperCase() + what.substring(1) + " is written as "
                + Arrays.stream(formats).map(v -> v.mediaType().toString()).collect(Collectors.joining(", "))
                + "; the Accept header takes none of them. Or choose with f=" + names(formats) + ".", List.of());
    }

    private static String names(Representation[] formats) {
        return Arrays.stream(formats).map(Representation::formatName).collect(Collectors.joining("|"));
    }
}
