package dev.zendo.conversations.routing

import dev.zendo.events.v1.Envelope
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import redis.clients.jedis.JedisPooled
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import javax.sql.DataSource
import java.sql.Connection
import java.sql.ResultSet
import java.sql.Timestamp
import java.time.Duration
import java.time.Instant

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS
import static dev.zendo.testsupport.TestInfra.Need.IDENTITY_SECRETS_KEYSET

/**
 * What the routing specs share: a conversations context on a fresh database (outbox relay off, so the events stay in
 * the outbox table to be read), replica and thread rows written with SQL, and presence written to Redis as an edge would.
 */
abstract class RoutingSpecification extends Specification {

    /** A fresh database, Kafka and Redis for conversations. */
    static Map<String, Object> servers() {
        TestInfra.properties('conversations', DATABASE, KAFKA, REDIS, SIGNING_KEYS, IDENTITY_SECRETS_KEYSET) as Map<String, Object>
    }

    /** A started conversations context on {@code servers}; the sweep is off unless {@code settings} turn it on. */
    static ApplicationContext start(Map<String, Object> servers, Map<String, Object> settings = [:]) {
        ApplicationContext.run(servers + [
                'zendo.outbox.enabled'                       : 'false',
                'zendo.conversations.routing.sweep-interval': '1h',
        ] + settings, 'test')
    }

    static PollingConditions within(double seconds) {
        new PollingConditions(timeout: seconds, delay: 0.05)
    }

    /** Writes and reads fixtures of one context's database and Redis. */
    static class Fixture {
        final ApplicationContext context
        final DataSource dataSource
        final JedisPooled redis
        private int visitors

        Fixture(ApplicationContext context) {
            this.context = context
            this.dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource))
            this.redis = context.getBean(JedisPooled)
        }

        int update(String sql, Object... args) {
            withConnection { Connection connection ->
                def statement = connection.prepareStatement(sql)
                args.eachWithIndex { arg, i -> statement.setObject(i + 1, arg instanceof Instant ? Timestamp.from(arg) : arg) }
                statement.executeUpdate()
            } as int
        }

        List<Map<String, Object>> rows(String sql, Object... args) {
            withConnection { Connection connection ->
                def statement = connection.prepareStatement(sql)
                args.eachWithIndex { arg, i -> statement.setObject(i + 1, arg instanceof Instant ? Timestamp.from(arg) : arg) }
                ResultSet result = statement.executeQuery()
                def rows = []
                while (result.next()) {
                    def row = [:]
                    (1..result.metaData.columnCount).each { row[result.metaData.getColumnLabel(it)] = result.getObject(it) }
                    rows << row
                }
                rows
            } as List<Map<String, Object>>
        }

        Object value(String sql, Object... args) {
            def found = rows(sql, args)
            found ? found[0].values().first() : null
        }

        private Object withConnection(Closure work) {
            Connection connection = dataSource.connection
            try {
                work(connection)
            } finally {
                connection.close()
            }
        }

        /** A live website, optionally with a default group id (the group itself is made by {@link #group}). */
        UUID website(UUID defaultGroupId = null) {
            def id = UUID.randomUUID()
            update("INSERT INTO replica_websites (website_id, name, default_group_id, updated_at) VALUES (?, 'Shop', ?, now())", id, defaultGroupId)
            id
        }

        /** A member of {@code websiteId} with an agent profile. */
        String member(UUID websiteId, String agentId) {
            member([:], websiteId, agentId)
        }

        /** A member with {@code options}: role, max (concurrent chats), accepting, disabled. */
        String member(Map options, UUID websiteId, String agentId) {
            update('INSERT INTO replica_members (website_id, agent_id, role, max_concurrent_chats, accepting_chats) VALUES (?, ?, ?, ?, ?)',
                    websiteId, agentId, options.role ?: 'AGENT', options.max ?: 3, options.containsKey('accepting') ? options.accepting : true)
            update('INSERT INTO replica_agents (agent_id, name, disabled) VALUES (?, ?, ?) ON CONFLICT (agent_id) DO UPDATE SET disabled = EXCLUDED.disabled',
                    agentId, "Agent $agentId".toString(), options.disabled ?: false)
            agentId
        }

        UUID group(UUID websiteId, String routing, List<String> members, boolean isDefault = false, UUID id = UUID.randomUUID()) {
            update('INSERT INTO replica_groups (group_id, website_id, name, routing, is_default) VALUES (?, ?, ?, ?, ?)',
                    id, websiteId, "Group $routing".toString(), routing, isDefault)
            members.each { update('INSERT INTO replica_group_members (group_id, agent_id) VALUES (?, ?)', id, it) }
            id
        }

        /** A visitor's conversation with one waiting thread queued at {@code queuedAt}; returns the thread id. */
        UUID waiting(UUID websiteId, UUID groupId, Instant queuedAt = Instant.now()) {
            def visitorId = UUID.randomUUID()
            def conversationId = UUID.randomUUID()
            update("INSERT INTO visitors (id, website_id, label, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, now(), now(), now())",
                    visitorId, websiteId, "Visitor ${++visitors}".toString())
            update("INSERT INTO conversations (id, website_id, visitor_id, status, group_id, last_message_at, created_at, updated_at) VALUES (?, ?, ?, 'PENDING', ?, now(), now(), now())",
                    conversationId, websiteId, visitorId, groupId)
            nextThread(conversationId, queuedAt)
        }

        /** A new waiting thread in conversation {@code conversationId}; returns its id. */
        UUID nextThread(UUID conversationId, Instant queuedAt = Instant.now()) {
            def threadId = UUID.randomUUID()
            update("""INSERT INTO threads (id, conversation_id, website_id, status, group_id, opened_at, queued_at)
                      SELECT ?, id, website_id, 'PENDING', group_id, ?, ? FROM conversations WHERE id = ?""",
                    threadId, queuedAt, queuedAt, conversationId)
            update("UPDATE conversations SET current_thread_id = ?, status = 'PENDING', agent_id = NULL WHERE id = ?", threadId, conversationId)
            threadId
        }

        /** {@code count} waiting threads, queued one millisecond apart in list order. */
        List<UUID> waiting(UUID websiteId, UUID groupId, int count) {
            def start = Instant.now().minusSeconds(3600)
            (0..<count).collect { waiting(websiteId, groupId, start.plusMillis(it)) }
        }

        UUID conversationOf(UUID threadId) {
            value('SELECT conversation_id FROM threads WHERE id = ?', threadId) as UUID
        }

        /** Ends an active thread, as closing it would. */
        void close(UUID threadId) {
            update("UPDATE threads SET status = 'CLOSED', closed_at = now() WHERE id = ?", threadId)
            update("UPDATE conversations SET status = 'CLOSED' WHERE current_thread_id = ?", threadId)
        }

        Map<String, Object> thread(UUID threadId) {
            rows('SELECT status, agent_id, group_id, queued_at, assigned_at FROM threads WHERE id = ?', threadId)[0]
        }

        Map<String, Object> conversation(UUID threadId) {
            rows('SELECT c.status, c.agent_id, c.group_id FROM conversations c JOIN threads t ON t.conversation_id = c.id WHERE t.id = ?', threadId)[0]
        }

        String agentOf(UUID threadId) {
            thread(threadId).agent_id
        }

        /** Active threads per agent of the website. */
        Map<String, Long> activeByAgent(UUID websiteId) {
            rows("SELECT agent_id, count(*) AS active FROM threads WHERE website_id = ? AND status = 'ACTIVE' GROUP BY agent_id", websiteId)
                    .collectEntries { [(it.agent_id): it.active as long] }
        }

        /** Every event in the outbox for {@code websiteId}'s topic, in append order. */
        List<Envelope> events(UUID websiteId) {
            rows('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', 'zendo.site.' + websiteId)
                    .collect { Envelope.parseFrom(it.payload as byte[]) }
        }

        /** An edge announces the agent connected, present for {@code ttl}. */
        void online(UUID websiteId, String agentId, Duration ttl = Duration.ofMinutes(5)) {
            redis.zadd(Presence.onlineKey(websiteId), Instant.now().plus(ttl).toEpochMilli() as double, agentId)
            redis.srem(Presence.awayKey(websiteId), agentId)
        }

        /** The agent's presence lapsed (or was ended) at {@code since}. */
        void offline(UUID websiteId, String agentId, Instant since = Instant.now()) {
            redis.zadd(Presence.onlineKey(websiteId), since.toEpochMilli() as double, agentId)
        }

        void away(UUID websiteId, String agentId) {
            online(websiteId, agentId)
            redis.sadd(Presence.awayKey(websiteId), agentId)
        }
    }
}
