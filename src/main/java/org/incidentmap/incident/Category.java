package org.incidentmap.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ACLED event types and, for each, the sub-event types analysts expect (snake_case, as on the wire). */
@Schema(name = "Category", type = SchemaType.STRING, enumeration = {"battles", "explosions_remote_violence",
    "violence_against_civilians", "protests", "riots", "strategic_developments"})
public enum Category {
    BATTLES("battles", "armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"),
    EXPLOSIONS_REMOTE_VIOLENCE("explosions_remote_violence", "chemical_weapon", "air_drone_strike", "suicide_bomb",
            "shelling_artillery_missile_attack", "remote_explosive_landmine_ied", "grenade"),
    VIOLENCE_AGAINST_CIVILIANS("violence_against_civilians", "sexual_violence", "attack",
            "abduction_forced_disappearance"),
    PROTESTS("protests", "peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters"),
    RIOTS("riots", "violent_demonstration", "mob_violence"),
    STRATEGIC_DEVELOPMENTS("strategic_developments", "agreement", "arrests", "change_to_group_activity",
            "disrupted_weapons_use", "headquarters_or_base_established", "looting_property_destruction",
            "non_violent_transfer_of_territory", "other");

    private final String wire;
    private final List<String> subCategories;

    Category(String wire, String... subCategories) {
        this.wire = wire;
        this.subCategories = List.of(subCategories);
    }

    public String wire() {
        return wire;
    }

    public List<String> subCategories() {
        return subCategories;
    }

    public static Optional<Category> fromWire(String text) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(text)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Category::wire).toList();
    }
}
