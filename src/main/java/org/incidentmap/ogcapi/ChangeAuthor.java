package org.incidentmap.ogcapi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.Session;

/**
 * Names the user of the write transaction at hand for the change log (V9): its triggers read incidentmap.user, set
 * for this transaction only, so that a pooled connection never carries one user's name into another's change.
 */
public final class ChangeAuthor {

    static final String SET = "SELECT set_config('incidentmap.user', ?, true)";

    private ChangeAuthor() {
    }

    /** In the transaction {@code session} is in. */
    public static void set(Session session, String user) {
        session.doWork(c -> set(c, user));
    }

    /** In the transaction open on {@code connection}. */
    public static void set(Connection connection, String user) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(SET)) {
            s.setString(1, user);
            s.execute();
        }
    }
}
