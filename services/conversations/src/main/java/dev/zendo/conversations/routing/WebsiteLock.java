package dev.zendo.conversations.routing;

import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * The website's routing lock: a transaction-scoped PostgreSQL advisory lock every assignment decision of a website
 * holds, on every instance, so capacity is counted and used by one transaction at a time. Taken before any
 * conversation or thread row lock.
 */
@Singleton
class WebsiteLock {

    /** The first key of routing's advisory locks, so they never meet another feature's. */
    private static final int ROUTING = 0x524f5554;

    private final RoutingJdbc sql;

    WebsiteLock(RoutingJdbc sql) {
        this.sql = sql;
    }

    /** Waits for the lock of {@code websiteId}; it is released when the current transaction ends. */
    void lock(UUID websiteId) {
        sql.execute("SELECT pg_advisory_xact_lock(?, ?)", ROUTING, websiteId.hashCode());
    }
}
