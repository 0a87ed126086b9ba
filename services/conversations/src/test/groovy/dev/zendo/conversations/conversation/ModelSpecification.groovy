package dev.zendo.conversations.conversation

import dev.zendo.conversations.events.SiteEvents
import dev.zendo.conversations.message.Author
import dev.zendo.conversations.message.AuthorKind
import dev.zendo.conversations.message.MessageKind
import dev.zendo.conversations.message.MessageService
import dev.zendo.conversations.message.PostMessage
import dev.zendo.conversations.message.Posted
import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Envelope
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.sql.Connection
import java.sql.DriverManager
import java.sql.Timestamp
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS
import static dev.zendo.testsupport.TestInfra.Need.IDENTITY_SECRETS_KEYSET

/**
 * What the conversation-model specs share: one conversations context per spec on a fresh database with the relay off
 * (events are read from the outbox table), replica and visitor rows inserted with SQL, and posting helpers.
 */
abstract class ModelSpecification extends Specification {

    @Shared
    Map<String, Object> properties = settings()

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run(properties, 'test')

    /** The configuration of the spec's context; the relay is off so the outbox table holds every event. */
    Map<String, Object> settings() {
        TestInfra.properties('conversations', DATABASE, KAFKA, REDIS, SIGNING_KEYS, IDENTITY_SECRETS_KEYSET) + [
                'zendo.outbox.enabled'                  : 'false',
                'datasources.default.maximum-pool-size': '30',
                'spec.name'                            : getClass().simpleName,
        ] as Map<String, Object>
    }

    ConversationService getConversations() { context.getBean(ConversationService) }

    MessageService getMessages() { context.getBean(MessageService) }

    /** A live website in the replica, with {@code defaultGroupId} as its default group. */
    UUID website(UUID defaultGroupId = null) {
        def id = UUID.randomUUID()
        execute('INSERT INTO replica_websites (website_id, name, default_group_id, updated_at) VALUES (?, ?, ?, now())',
                id, "Site $id".toString(), defaultGroupId)
        id
    }

    /** A new visitor of {@code websiteId}. */
    UUID visitor(UUID websiteId, String label = 'Brave Otter 42') {
        def id = UUID.randomUUID()
        execute('INSERT INTO visitors (id, website_id, label, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, now(), now(), now())',
                id, websiteId, label)
        id
    }

    /** An agent the identity replica knows by {@code name}. */
    String agent(String name) {
        def id = "agent-${UUID.randomUUID()}".toString()
        execute('INSERT INTO replica_agents (agent_id, name) VALUES (?, ?)', id, name)
        id
    }

    /** A new visitor's conversation with a new website. */
    ConversationView conversation(UUID websiteId = website()) {
        conversations.find(websiteId, conversations.lockOrOpen(websiteId, visitor(websiteId)).id()).orElseThrow()
    }

    static Author visitorOf(ConversationView conversation) {
        new Author(AuthorKind.VISITOR, conversation.visitorId().toString(), 'Brave Otter 42')
    }

    static Author agentAuthor(String agentId, String name = 'Ana') {
        new Author(AuthorKind.AGENT, agentId, name)
    }

    static Actor actor(ActorKind kind, String id) {
        Actor.newBuilder().setKind(kind).setId(id ?: '').build()
    }

    Posted post(ConversationView conversation, Author author, String body, MessageKind kind = MessageKind.TEXT,
                String clientMsgId = null) {
        messages.post(new PostMessage(conversation.websiteId(), conversation.id(), author, kind, clientMsgId, body))
    }

    /** The visitor writes, which opens a thread when none is going on. */
    Posted visitorSays(ConversationView conversation, String body = 'Hello') {
        post(conversation, visitorOf(conversation), body)
    }

    /**
     * Gives the conversation's current thread to {@code agentId} as routing would, without events: with its assignment
     * time, or the routing sweep takes it back from an agent offline since the epoch.
     */
    void assignDirectly(ConversationView conversation, String agentId) {
        execute("UPDATE threads SET status = 'ACTIVE', agent_id = ?, assigned_at = now() WHERE id = (SELECT current_thread_id FROM conversations WHERE id = ?)",
                agentId, conversation.id())
        execute("UPDATE conversations SET status = 'ACTIVE', agent_id = ? WHERE id = ?", agentId, conversation.id())
    }

    /** Every event the website's conversations wrote to the outbox, in append order. */
    List<Envelope> events(UUID websiteId) {
        rows('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', SiteEvents.topic(websiteId)).collect {
            Envelope.parseFrom(it[0] as byte[])
        }
    }

    /** The number of rows in each table a conversation change writes. */
    Map<String, Long> counts() {
        ['conversations', 'threads', 'messages', 'read_cursors', 'outbox'].collectEntries { table ->
            [table, rows("SELECT count(*) FROM $table").first()[0] as long]
        }
    }

    int execute(String sql, Object... parameters) {
        withConnection { Connection connection ->
            def statement = connection.prepareStatement(sql)
            bind(statement, parameters)
            statement.executeUpdate()
        } as int
    }

    List<List<Object>> rows(String sql, Object... parameters) {
        withConnection { Connection connection ->
            def statement = connection.prepareStatement(sql)
            bind(statement, parameters)
            def result = statement.executeQuery()
            def columns = result.metaData.columnCount
            List<List<Object>> rows = []
            while (result.next()) {
                rows << (1..columns).collect { result.getObject(it) }
            }
            rows
        } as List<List<Object>>
    }

    /** Runs {@code work} {@code times} times at once, released together, and returns each run's result or exception. */
    static List<Object> concurrently(int times, Closure work) {
        def pool = Executors.newFixedThreadPool(times)
        def start = new CountDownLatch(1)
        try {
            def futures = (0..<times).collect { index ->
                pool.submit({
                    start.await()
                    try {
                        work.call(index)
                    } catch (Exception e) {
                        e
                    }
                } as Callable)
            }
            start.countDown()
            futures.collect { it.get() }
        } finally {
            pool.shutdownNow()
        }
    }

    protected Object withConnection(Closure work) {
        def connection = DriverManager.getConnection(properties['datasources.default.url'] as String,
                properties['datasources.default.username'] as String, properties['datasources.default.password'] as String)
        connection.schema = 'conversations'
        try {
            work.call(connection)
        } finally {
            connection.close()
        }
    }

    protected static void bind(def statement, Object[] parameters) {
        parameters.eachWithIndex { Object value, int i ->
            statement.setObject(i + 1, value instanceof Instant ? Timestamp.from(value) : value)
        }
    }
}
