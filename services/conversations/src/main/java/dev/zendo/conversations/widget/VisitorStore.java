package dev.zendo.conversations.widget;

import dev.zendo.conversations.visitor.VisitorLabels;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code visitors} and {@code page_views} rows the widget API writes, in the caller's transaction. */
@Singleton
class VisitorStore {

    private static final String INSERT = """
            INSERT INTO visitors (id, website_id, label, name, email, external_id, user_agent, client_ip, locale,
                                  created_at, updated_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::inet, ?, ?, ?, ?)
            ON CONFLICT (website_id, external_id) WHERE external_id IS NOT NULL AND merged_into IS NULL DO NOTHING""";
    private static final String FIND = "SELECT " + VisitorRow.COLUMNS + " FROM visitors WHERE id = ? AND website_id = ?";
    private static final String LOCK = FIND + " FOR UPDATE";
    private static final String BY_EXTERNAL_ID = "SELECT " + VisitorRow.COLUMNS
            + " FROM visitors WHERE website_id = ? AND external_id = ? AND merged_into IS NULL FOR UPDATE";
    private static final String LOCK_USER = "SELECT pg_advisory_xact_lock(hashtextextended('verified-user:' || ? || ':' || ?, 0))";
    private static final String SEEN = """
            UPDATE visitors SET user_agent = coalesce(?, user_agent), client_ip = ?::inet, locale = coalesce(?, locale),
                last_seen_at = ? WHERE id = ?""";
    private static final String PROFILE = """
            UPDATE visitors SET name = ?, email = ?, phone = ?, external_id = ?, claimed_email = ?, attributes = ?::jsonb,
                updated_at = ? WHERE id = ?""";
    private static final String PAGE_VIEW = """
            INSERT INTO page_views (visitor_id, website_id, url, title, referrer, viewed_at) VALUES (?, ?, ?, ?, ?, ?)""";

    private final Sql sql;
    private final Clock clock;

    VisitorStore(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A new visitor with its label; with an external id, empty when the website already has a live visitor with it. */
    Optional<VisitorRow> create(UUID websiteId, String externalId, String name, String email, Visit visit) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int created = sql.update(INSERT, id, websiteId, VisitorLabels.of(id), name, email,
                externalId, visit.userAgent(), visit.clientIp(), visit.locale(), now, now, now);
        return created == 0 ? Optional.empty() : find(websiteId, id);
    }

    /** The website's visitor, merged or not. */
    Optional<VisitorRow> find(UUID websiteId, UUID visitorId) {
        return sql.one(FIND, VisitorRow::of, visitorId, websiteId);
    }

    /** The website's visitor, locked until the transaction ends. */
    Optional<VisitorRow> lock(UUID websiteId, UUID visitorId) {
        return sql.one(LOCK, VisitorRow::of, visitorId, websiteId);
    }

    /** The website's live visitor a verified user token named with {@code externalId}, locked. */
    Optional<VisitorRow> byExternalId(UUID websiteId, String externalId) {
        return sql.one(BY_EXTERNAL_ID, VisitorRow::of, websiteId, externalId);
    }

    /**
     * Waits until no other transaction is finding or making the visitor of the website's verified user {@code externalId},
     * then holds that until the transaction ends: two devices verifying as one new user at once make one visitor.
     */
    void lockUser(UUID websiteId, String externalId) {
        sql.one(LOCK_USER, row -> Boolean.TRUE, websiteId.toString(), externalId);
    }

    /** Records the visitor's latest user agent, address and locale. */
    void seen(UUID visitorId, Visit visit) {
        sql.update(SEEN, visit.userAgent(), visit.clientIp(), visit.locale(), clock.instant(), visitorId);
    }

    /** Stores the visitor's details as {@code changed} has them and returns them as stored. */
    VisitorRow save(VisitorRow changed) {
        sql.update(PROFILE, changed.name(), changed.email(), changed.phone(), changed.externalId(), changed.claimedEmail(),
                changed.attributesJson(), clock.instant(), changed.id());
        return find(changed.websiteId(), changed.id()).orElseThrow();
    }

    /** Records that the visitor looked at a page; returns when. */
    @Transactional
    public Instant pageView(VisitorRow visitor, String url, String title, String referrer) {
        Instant now = clock.instant();
        sql.update(PAGE_VIEW, visitor.id(), visitor.websiteId(), url, title, referrer, now);
        return now;
    }
}
