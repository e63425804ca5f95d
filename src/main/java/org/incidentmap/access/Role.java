package org.incidentmap.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a user may do, each role including the ones before it: a reader reads (when reads are not public), an
 * editor also changes incidents, an administrator also changes regions and manages API keys.
 */
public enum Role {
    READER, EDITOR, ADMIN;

    /** The role's name in tokens (the JWT groups claim) and API keys: reader, editor, admin. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(name)).findFirst();
    }

    /** The highest role among {@code names} (a token's groups); empty when none is a role of this service. */
    public static Optional<Role> highest(Set<String> names) {
        return names.stream().map(Role::fromWire).flatMap(Optional::stream).max(Enum::compareTo);
    }

    /** Tests whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }
}
