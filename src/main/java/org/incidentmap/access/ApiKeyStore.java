package org.incidentmap.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.incidentmap.ogcapi.DatabaseFailure;

/**
 * The API keys scripts write with: {@code imk_<id>_<secret>}, the secret 32 random bytes. Only the SHA-256 of the
 * secret is stored, so a copy of the database gives no key; a revoked key is refused from the next request on.
 */
@ApplicationScoped
public class ApiKeyStore {

    /** What every key starts with, so that it is told from a JWT before anything is parsed. */
    public static final String PREFIX = "imk_";
    private static final Pattern KEY = Pattern.compile("imk_([0-9]{1,18})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String INSERT = "INSERT INTO api_key (name, owner, role, secret_hash, created_by) VALUES (?, ?, ?, ?, ?)"
            + " RETURNING id, created_at";
    static final String ONE = "SELECT id, name, owner, role, secret_hash, created_by, created_at, revoked_at"
            + " FROM api_key WHERE id = ?";
    static final String ALL = "SELECT id, name, owner, role, secret_hash, created_by, created_at, revoked_at"
            + " FROM api_key ORDER BY id";
    static final String REVOKE = "UPDATE api_key SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL";

    /** A stored key, without its secret. */
    public record ApiKey(long id, String name, String owner, Role role, String createdBy, Instant createdAt,
            Instant revokedAt) {
    }

    /** A key just made: the only time its secret is seen. */
    public record Created(ApiKey key, String secret) {
    }

    @Inject
    DataSource dataSource;

    /** Makes a key for {@code owner} with {@code role}, on behalf of {@code createdBy}. */
    public Created create(String name, String owner, Role role, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, name);
            s.setString(2, owner);
            s.setString(3, role.wire());
            s.setBytes(4, sha256(secretText));
            s.setString(5, createdBy);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                ApiKey key = new ApiKey(rs.getLong(1), name, owner, role, createdBy,
                        rs.getObject(2, OffsetDateTime.class).toInstant(), null);
                return new Created(key, PREFIX + key.id() + "_" + secretText);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** The key {@code text} stands for, if it is one and neither unknown nor revoked. */
    public Optional<ApiKey> check(String text) {
        Matcher m = KEY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ONE)) {
            s.setLong(1, Long.parseLong(m.group(1)));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !MessageDigest.isEqual(rs.getBytes("secret_hash"), sha256(m.group(2)))) {
                    return Optional.empty();
                }
                ApiKey key = read(rs);
                return key.revokedAt() == null ? Optional.of(key) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    public List<ApiKey> all() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ALL);
                ResultSet rs = s.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(read(rs));
            }
            return keys;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    public Optional<ApiKey> get(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ONE)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Revokes key {@code id}; false when it was revoked already. */
    public boolean revoke(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(REVOKE)) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static ApiKey read(ResultSet rs) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("owner"),
                Role.fromWire(rs.getString("role")).orElseThrow(), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
