package dev.zendo.notifications.preference;

import dev.zendo.notifications.NotificationsSettings;
import dev.zendo.notifications.routing.NotificationKind;
import dev.zendo.platform.crypto.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * One-click unsubscribe links: each optional mail carries a random token that turns its kind off for its recipient (an
 * agent, or a visitor's address) and website (RFC 8058). Only the token's SHA-256 is stored; tokens older than {@link #LIFETIME_DAYS} days stop working (and are purged on the next use of a link).
 */
@Singleton
public class Unsubscribes {

    /** How long a link works. */
    static final int LIFETIME_DAYS = 60;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ISSUE = """
            INSERT INTO unsubscribe_token (token_sha256, agent_id, visitor_email, website_id, kind) VALUES (?, ?, ?, ?, ?)""";
    private static final String FIND = """
            SELECT t.agent_id, t.visitor_email, t.website_id, t.kind, w.name, w.language, t.created_at > now() - make_interval(days => ?)
            FROM unsubscribe_token t JOIN website w ON w.id = t.website_id
            WHERE t.token_sha256 = ?""";
    private static final String PURGE = "DELETE FROM unsubscribe_token WHERE created_at <= now() - make_interval(days => ?)";

    private final NotificationsSettings settings;
    private final Preferences preferences;
    private final VisitorOptOuts optOuts;
    private final JdbcOperations jdbc;

    Unsubscribes(NotificationsSettings settings, Preferences preferences, VisitorOptOuts optOuts, JdbcOperations jdbc) {
        this.settings = settings;
        this.preferences = preferences;
        this.optOuts = optOuts;
        this.jdbc = jdbc;
    }

    /** A new link that turns {@code kind} off for the agent and website, stored in the caller's transaction. */
    public String link(Connection connection, String agentId, UUID websiteId, NotificationKind kind) throws SQLException {
        return issue(connection, agentId, null, websiteId, kind);
    }

    /** A new link that turns {@code kind} off for a visitor's address and the website, stored in the caller's transaction. */
    public String visitorLink(Connection connection, String email, UUID websiteId, NotificationKind kind) throws SQLException {
        return issue(connection, null, email, websiteId, kind);
    }

    private String issue(Connection connection, String agentId, String visitorEmail, UUID websiteId, NotificationKind kind)
            throws SQLException {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (PreparedStatement insert = connection.prepareStatement(ISSUE)) {
            insert.setBytes(1, hash(token));
            insert.setString(2, agentId);
            insert.setString(3, visitorEmail);
            insert.setObject(4, websiteId);
            insert.setString(5, kind.wire());
            insert.executeUpdate();
        }
        return settings.link(UnsubscribeController.PATH + "?token=" + token);
    }

    /** What {@code token} turns off (or turned off, until it expired), when it is a link this service issued. */
    @Transactional(readOnly = true)
    Optional<Unsubscription> find(String token) {
        return jdbc.execute(connection -> find(connection, token));
    }

    /** Turns off what {@code token} names when it is a working link; answers what it names, working or expired. */
    @Transactional
    Optional<Unsubscription> use(String token) {
        return jdbc.execute(connection -> {
            Optional<Unsubscription> found = find(connection, token);
            Optional<Unsubscription> live = found.filter(Unsubscription::live);
            if (live.isPresent() && live.get().agentId() != null) {
                preferences.set(connection, live.get().agentId(), live.get().websiteId(), live.get().kind(), false);
            } else if (live.isPresent()) {
                optOuts.add(connection, live.get().websiteId(), live.get().visitorEmail(), live.get().kind());
            }
            try (PreparedStatement purge = connection.prepareStatement(PURGE)) {
                purge.setInt(1, LIFETIME_DAYS);
                purge.executeUpdate();
            }
            return found;
        });
    }

    private static Optional<Unsubscription> find(Connection connection, String token) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setInt(1, LIFETIME_DAYS);
            select.setBytes(2, hash(token));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String agentId = row.getString(1);
                String visitorEmail = row.getString(2);
                UUID websiteId = row.getObject(3, UUID.class);
                String websiteName = row.getString(5);
                String websiteLanguage = row.getString(6);
                boolean live = row.getBoolean(7);
                return NotificationKind.ofWire(row.getString(4))
                        .map(kind -> new Unsubscription(agentId, visitorEmail, websiteId, kind, websiteName, websiteLanguage, live));
            }
        }
    }

    private static byte[] hash(String token) {
        return Sha256.of(token);
    }

    /** What one link turns off: for an agent, or else for a visitor's address; {@code live} while the link works. */
    record Unsubscription(@Nullable String agentId, @Nullable String visitorEmail, UUID websiteId, NotificationKind kind,
                          String websiteName, String websiteLanguage, boolean live) {
    }
}
