package org.incidentmap.incident;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ACLED event types and, for each, the sub-event types analysts expect (snake_case, as on the wire). */
@Schema(name = "Category", type = SchemaType.STRING, enumeration = {"battles", "explosions_remote_violence",
    "violence_against_civilians", "protests", "riots", "strategic_developments"})
public enum Category {
    BATTLES("Battles", "Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS_REMOTE_VIOLENCE("Explosions/Remote violence", "Chemical weapon", "Air/drone strike", "Suicide bomb",
            "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    VIOLENCE_AGAINST_CIVILIANS("Violence against civilians", "Sexual violence", "Attack",
            "Abduction/forced disappearance"),
    PROTESTS("Protests", "Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS("Riots", "Violent demonstration", "Mob violence"),
    STRATEGIC_DEVELOPMENTS("Strategic developments", "Agreement", "Arrests", "Change to group/activity",
            "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
            "Non-violent transfer of territory", "Other");

    private static final Map<String, Category> BY_WIRE = new HashMap<>();

    static {
        for (Category c : values()) {
            BY_WIRE.put(c.wire, c);
        }
    }

    private final String label;
    private final String wire;
    /** ACLED's labels of the sub-event types, by their wire names. */
    private final Map<String, String> subLabels = new LinkedHashMap<>();
    private final List<String> subCategories;

    Category(String label, String... subLabels) {
        this.label = label;
        this.wire = wireName(label);
        for (String sub : subLabels) {
            this.subLabels.put(wireName(sub), sub);
        }
        this.subCategories = List.copyOf(this.subLabels.keySet());
    }

    /** The wire name of an ACLED label: lower case, every run of other characters one underscore. */
    public static String wireName(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    public String wire() {
        return wire;
    }

    /** ACLED's own label of this event type ("Explosions/Remote violence"). */
    public String label() {
        return label;
    }

    public List<String> subCategories() {
        return subCategories;
    }

    /** ACLED's label of sub-category {@code wire} of this category, or null when it is none of them. */
    public String subLabel(String wire) {
        return subLabels.get(wire);
    }

    public static Optional<Category> fromWire(String text) {
        return Optional.ofNullable(BY_WIRE.get(text));
    }

    /**
     * The category named {@code name}, given as on the wire ("explosions_remote_violence") or as ACLED labels it
     * ("Explosions/Remote violence", "BATTLES"): case and punctuation do not matter.
     */
    public static Optional<Category> fromName(String name) {
        return fromWire(wireName(name.strip()));
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Category::wire).toList();
    }
}
