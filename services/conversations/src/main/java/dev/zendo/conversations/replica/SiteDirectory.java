package dev.zendo.conversations.replica;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.zendo.events.v1.WidgetSettings;
import dev.zendo.platform.crypto.Sha256;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Live websites and their keys, from the replica. A key works when it is its website's current one, or a previous one
 * within its overlap window, and was never revoked; keys of deleted websites never work.
 */
@Singleton
public class SiteDirectory {

    /** A live website's columns of {@code replica_websites w}, first in a query, for {@link #site}; {@code NOT w.deleted} is the caller's. */
    public static final String SITE_COLUMNS = "w.website_id AS site_id, w.name AS site_name, w.allowed_origins AS site_origins, "
            + "w.widget::text AS site_widget, w.default_group_id AS site_group";
    private static final String BY_KEY = "SELECT " + SITE_COLUMNS + """
             FROM replica_keys k JOIN replica_websites w ON w.website_id = k.website_id
            WHERE k.kind = ? AND %s AND NOT k.revoked AND (k.expires_at IS NULL OR k.expires_at > ?) AND NOT w.deleted""";
    private static final String BY_PUBLIC_KEY = BY_KEY.formatted("k.public_key = ?");
    private static final String BY_SECRET_KEY = """
            SELECT k.website_id, k.key_id
             FROM replica_keys k JOIN replica_websites w ON w.website_id = k.website_id
            WHERE k.kind = 'SECRET' AND k.secret_hash = ? AND NOT k.revoked AND (k.expires_at IS NULL OR k.expires_at > ?)
              AND NOT w.deleted""";
    private static final String BY_ID = "SELECT " + SITE_COLUMNS + " FROM replica_websites w WHERE w.website_id = ? AND NOT w.deleted";
    private static final JsonFormat.Parser WIDGET = JsonFormat.parser().ignoringUnknownFields();

    private final JdbcOperations jdbc;
    private final Clock clock;

    SiteDirectory(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The live website whose working public key ({@code pk_…}) this is. */
    @Transactional(readOnly = true)
    public Optional<Site> byPublicKey(String publicKey) {
        return byKey(BY_PUBLIC_KEY, "PUBLIC", statement -> statement.setString(2, publicKey));
    }

    /** The live website whose working secret key ({@code sk_…}) this is, checked by its SHA-256. */
    @Transactional(readOnly = true)
    public Optional<UUID> websiteForSecretKey(String secretKey) {
        return bySecretKey(secretKey).map(SecretKey::websiteId);
    }

    /** The working secret key ({@code sk_…}) this is, with its website and id, checked by its SHA-256. */
    @Transactional(readOnly = true)
    public Optional<SecretKey> bySecretKey(String secretKey) {
        return jdbc.prepareStatement(BY_SECRET_KEY, statement -> {
            statement.setBytes(1, Sha256.of(secretKey));
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new SecretKey(row.getObject(1, UUID.class), row.getString(2))) : Optional.empty();
            }
        });
    }

    /** The website, when it is live. */
    @Transactional(readOnly = true)
    public Optional<Site> find(UUID websiteId) {
        return jdbc.prepareStatement(BY_ID, statement -> {
            statement.setObject(1, websiteId);
            return one(statement);
        });
    }

    private Optional<Site> byKey(String sql, String kind, KeyParameter key) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, kind);
            key.set(statement);
            statement.setTimestamp(3, Timestamp.from(clock.instant()));
            return one(statement);
        });
    }

    private static Optional<Site> one(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(site(row));
        }
    }

    /** The website of a row whose first columns are {@link #SITE_COLUMNS}. */
    public static Site site(ResultSet row) throws SQLException {
        return new Site(row.getObject(1, UUID.class), row.getString(2), texts(row.getArray(3)), widget(row.getString(4)),
                row.getObject(5, UUID.class));
    }

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static WidgetSettings widget(String json) {
        WidgetSettings.Builder widget = WidgetSettings.newBuilder();
        try {
            WIDGET.merge(json, widget);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("replica_websites.widget holds no WidgetSettings: " + e.getMessage(), e);
        }
        return widget.build();
    }

    /** Sets the key parameter of a key query. */
    private interface KeyParameter {
        void set(PreparedStatement statement) throws SQLException;
    }
}
