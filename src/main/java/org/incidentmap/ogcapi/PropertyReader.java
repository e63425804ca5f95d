package org.incidentmap.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.incidentmap.problem.Violation;

/**
 * Reads typed values out of a Feature's {@code properties}, collecting every violation (with its JSON pointer)
 * instead of stopping at the first, so one response tells a client all that is wrong.
 */
public final class PropertyReader {

    private final JsonNode properties;
    private final String pointer;
    private final List<Violation> violations;

    public PropertyReader(JsonNode properties, String pointer, List<Violation> violations) {
        this.properties = properties;
        this.pointer = pointer;
        this.violations = violations;
    }

    /** Records a violation for every property not in {@code known}; those in {@code ignored} are skipped. */
    public void rejectUnknown(Collection<String> known, Set<String> ignored) {
        properties.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name) && !ignored.contains(name)) {
                fail(name, "unknown property; known properties are " + String.join(", ", known));
            }
        });
    }

    public String text(String name, boolean required, int maxLength) {
        JsonNode v = value(name, required);
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            return fail(name, required ? "must be a non-empty string" : "must be a string");
        }
        if (!storable(v.asText())) {
            return fail(name, NUL);
        }
        if (v.asText().length() > maxLength) {
            return fail(name, "must be at most " + maxLength + " characters long");
        }
        return v.asText();
    }

    public String oneOf(String name, boolean required, List<String> allowed) {
        String v = text(name, required, 100);
        if (v != null && !allowed.contains(v)) {
            return fail(name, "'" + v + "' is not one of " + String.join(", ", allowed));
        }
        return v;
    }

    public Integer integer(String name, int min) {
        JsonNode v = value(name, false);
        if (v == null) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            return fail(name, "must be an integer");
        }
        if (v.intValue() < min) {
            return fail(name, "must be at least " + min + ", got " + v.intValue());
        }
        return v.intValue();
    }

    public Boolean bool(String name) {
        JsonNode v = value(name, false);
        if (v == null) {
            return null;
        }
        return v.isBoolean() ? v.booleanValue() : fail(name, "must be true or false");
    }

    /** Reads a value with {@code parse}, which throws {@link IllegalArgumentException} with the reason. */
    public <T> T parsed(String name, boolean required, Function<String, T> parse) {
        String v = text(name, required, 100);
        try {
            return v == null ? null : parse.apply(v);
        } catch (IllegalArgumentException e) {
            return fail(name, e.getMessage());
        }
    }

    /**
     * Reads an array of at most {@code maxItems} items, each read by {@code item} from the node and its pointer.
     * An unbounded array would make every page that carries the feature unbounded too.
     */
    public <T> List<T> list(String name, int maxItems, ItemReader<T> item) {
        JsonNode v = value(name, false);
        List<T> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            fail(name, "must be an array");
            return out;
        }
        if (v.size() > maxItems) {
            fail(name, "has " + v.size() + " items; at most " + maxItems + " are accepted");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(item.read(v.get(i), pointer + "/" + name + "/" + i));
        }
        return out;
    }

    /** Reads one item of an array property; reports problems through {@link #failAt}. */
    public interface ItemReader<T> {
        T read(JsonNode node, String pointer);
    }

    /** Why a string with a NUL character is refused: PostgreSQL text cannot hold one. */
    public static final String NUL = "must not contain the NUL character (\\u0000)";

    /** Tests whether {@code text} can be stored as PostgreSQL text (it has no NUL character). */
    public static boolean storable(String text) {
        return text.indexOf('\u0000') < 0;
    }

    public <T> T failAt(String itemPointer, String detail) {
        violations.add(Violation.atPointer(itemPointer, detail));
        return null;
    }

    public <T> T fail(String name, String detail) {
        return failAt(pointer + "/" + name, detail);
    }

    private JsonNode value(String name, boolean required) {
        JsonNode v = properties.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                fail(name, "is required");
            }
            return null;
        }
        return v;
    }
}
