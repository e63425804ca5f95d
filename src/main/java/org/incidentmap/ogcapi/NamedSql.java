package org.incidentmap.ogcapi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * SQL with {@code :name} parameters, prepared as a JDBC statement with {@code ?} placeholders and the values bound
 * by name. A {@code ::type} cast is not a parameter. Values are bound, never spliced into the SQL text.
 */
public final class NamedSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");

    private final String jdbcSql;
    private final List<String> names = new ArrayList<>();

    public NamedSql(String sql) {
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        jdbcSql = out.toString();
    }

    /** Prepares the statement on {@code connection} and binds every parameter from {@code values}. */
    public PreparedStatement prepare(Connection connection, Map<String, Object> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbcSql);
        for (int i = 0; i < names.size(); i++) {
            if (!values.containsKey(names.get(i))) {
                throw new IllegalArgumentException("no value for :" + names.get(i));
            }
            bind(connection, statement, i + 1, values.get(names.get(i)));
        }
        return statement;
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String[] texts) {
            statement.setArray(index, connection.createArrayOf("text", texts));
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setObject(index, value);
        }
    }

    /** Runs {@code sql}, which answers one row of one bytea column (a vector tile), on a connection of its own. */
    public static byte[] bytes(DataSource dataSource, String sql, Map<String, Object> values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = new NamedSql(sql).prepare(c, values); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBytes(1);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * Sets the statement timeout (a PostgreSQL duration) for the rest of the transaction open on {@code connection}:
     * bulk imports and exports may run longer than the timeout every pooled connection starts with.
     */
    public static void setLocalTimeout(Connection connection, String timeout) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
            s.setString(1, timeout);
            s.execute();
        }
    }
}
