package dev.zendo.conversations

import dev.zendo.platform.crypto.Sha256
import dev.zendo.platform.ratelimit.RateLimit
import dev.zendo.platform.ratelimit.RateLimiter
import dev.zendo.platform.ratelimit.RetryLaterException
import dev.zendo.testsupport.ServiceApi
import dev.zendo.testsupport.TestInfra
import io.micronaut.inject.qualifiers.Qualifiers

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.IDENTITY_SECRETS_KEYSET
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/**
 * The conversations service shared by the API specs of this JVM ({@link ServiceApi}), with websites written straight
 * into the replica tables (as the replica consumer would) and helpers for the widget and the state of its tables.
 */
class ConversationsApi extends ServiceApi {

    private static ConversationsApi instance

    private ConversationsApi() {
        super('conversations', [DATABASE, KAFKA, REDIS, SIGNING_KEYS, IDENTITY_SECRETS_KEYSET])
    }

    /** The shared service, started on first use. */
    static synchronized ConversationsApi get() {
        if (instance == null) {
            instance = new ConversationsApi()
        }
        instance
    }

    /** A valid access token of a new agent, known to the replica by name. */
    Agent agent(String name = null) {
        String id = TestInfra.uniqueName('agent')
        def agent = new Agent(id: id, email: "${id}@example.com".toString(), name: name ?: "Agent ${id}".toString())
        agent.token = identity.token(id, [token_use: 'access', email: agent.email, name: agent.name])
        sql('INSERT INTO replica_agents (agent_id, name) VALUES (?, ?)', [agent.id, agent.name])
        agent
    }

    /**
     * A live website in the replica, as its WebsiteCreated event leaves it: an owner, a default group holding the owner,
     * a current public and secret key, and {@code origins} allowed.
     */
    Site site(List<String> origins = ['https://shop.example']) {
        def site = new Site(id: UUID.randomUUID(), groupId: UUID.randomUUID(), publicKey: "pk_${UUID.randomUUID().toString().replace('-', '')}",
                secretKey: "sk_${UUID.randomUUID().toString().replace('-', '')}${UUID.randomUUID().toString().replace('-', '')}", origins: origins)
        sql('''INSERT INTO replica_websites (website_id, name, allowed_origins, default_group_id, updated_at)
               VALUES (?, ?, ?, ?, now())''', [site.id, TestInfra.uniqueName('site'), origins as String[], site.groupId])
        sql("INSERT INTO replica_groups (group_id, website_id, name, routing, is_default) VALUES (?, ?, 'General', 'ROUND_ROBIN', true)",
                [site.groupId, site.id])
        sql("INSERT INTO replica_keys (key_id, website_id, kind, public_key) VALUES (?, ?, 'PUBLIC', ?)",
                [UUID.randomUUID().toString(), site.id, site.publicKey])
        sql("INSERT INTO replica_keys (key_id, website_id, kind, secret_hash) VALUES (?, ?, 'SECRET', ?)",
                [UUID.randomUUID().toString(), site.id, Sha256.of(site.secretKey)])
        site.owner = member(site, 'OWNER')
        site
    }

    /** A new agent who is a member of {@code site} in {@code role}, in its default group, accepting up to {@code capacity} chats. */
    Agent member(Site site, String role, int capacity = 5) {
        Agent agent = agent()
        sql('INSERT INTO replica_members (website_id, agent_id, role, max_concurrent_chats, accepting_chats) VALUES (?, ?, ?, ?, true)',
                [site.id, agent.id, role, capacity])
        sql('INSERT INTO replica_group_members (group_id, agent_id) VALUES (?, ?)', [site.groupId, agent.id])
        agent
    }

    /** Takes every permit {@code key} has left of the rate limit {@code name}, so its next request is refused. */
    void useUp(String name, String key) {
        def limit = context.getBean(RateLimit, Qualifiers.byName(name))
        def limiter = context.getBean(RateLimiter)
        try {
            limit.capacity().times { limiter.acquire(limit, key) }
        } catch (RetryLaterException ignored) {
            // already used up
        }
    }

    /**
     * A fingerprint of the rows an API call on {@code sites} may write, the outbox events of their topics included:
     * equal before and after a refused call, whatever specs of other websites write meanwhile.
     */
    List<Map> state(Site... sites) {
        String ids = sites.collect { "'$it.id'" }.join(', ')
        String ofConversations = "conversation_id IN (SELECT id FROM conversations WHERE website_id IN ($ids))"
        ['visitors'         : "website_id IN ($ids)", 'page_views': "website_id IN ($ids)", 'conversations': "website_id IN ($ids)",
         'threads'          : "website_id IN ($ids)", 'messages': "website_id IN ($ids)", 'read_cursors': ofConversations,
         'tags'             : "website_id IN ($ids)", 'conversation_tags': ofConversations, 'identity_secrets': "website_id IN ($ids)",
         'audit_log'        : "website_id IN ($ids)", 'transcript_requests': "website_id IN ($ids)"].collect { table, rows ->
            sql("SELECT '$table' AS t, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS rows FROM $table x WHERE $rows".toString())[0]
        } + sql("SELECT 'outbox' AS t, coalesce(string_agg(event_id::text, ',' ORDER BY id), '') AS rows FROM outbox WHERE topic IN (${sites.collect { "'zendo.site.$it.id'" }.join(', ')})".toString())
    }

    /**
     * A new visitor of {@code site} whose conversation has one visitor message, so a waiting thread, once routing has
     * announced its queue position (so nothing more is written for it afterwards); its ids.
     */
    Map<String, UUID> waitingConversation(Site site, String text = 'Hello, I need help') {
        def visitorId = UUID.randomUUID()
        sql('INSERT INTO visitors (id, website_id, label, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, now(), now(), now())',
                [visitorId, site.id, "Visitor ${visitorId.toString().take(8)}".toString()])
        def conversation = context.getBean(dev.zendo.conversations.conversation.ConversationService).lockOrOpen(site.id, visitorId)
        context.getBean(dev.zendo.conversations.message.MessageService).post(new dev.zendo.conversations.message.PostMessage(site.id,
                conversation.id(), new dev.zendo.conversations.message.Author(dev.zendo.conversations.message.AuthorKind.VISITOR,
                visitorId.toString(), 'Visitor'), dev.zendo.conversations.message.MessageKind.TEXT, null, text))
        def thread = sql('SELECT current_thread_id FROM conversations WHERE id = ?', [conversation.id()])[0].current_thread_id as UUID
        new spock.util.concurrent.PollingConditions(timeout: 10).eventually {
            assert outboxEvents(site).any { it.payloadCase == dev.zendo.events.v1.Envelope.PayloadCase.QUEUE_POSITION_CHANGED && it.queuePositionChanged.threadId == thread.toString() }
        }
        [id: conversation.id(), visitorId: visitorId, threadId: thread]
    }

    /** Gives the conversation's current thread to {@code agentId} as routing would have, without events. */
    void assignDirectly(UUID conversationId, String agentId) {
        sql("UPDATE threads SET status = 'ACTIVE', agent_id = ?, assigned_at = now() WHERE id = (SELECT current_thread_id FROM conversations WHERE id = ?)",
                [agentId, conversationId])
        sql("UPDATE conversations SET status = 'ACTIVE', agent_id = ? WHERE id = ?", [agentId, conversationId])
    }

    /** Ends the conversation's current thread as closing it would, without events; its agent stays recorded. */
    void closeDirectly(UUID conversationId) {
        sql("UPDATE threads SET status = 'CLOSED', closed_at = now(), closed_by_kind = 'SYSTEM' WHERE id = (SELECT current_thread_id FROM conversations WHERE id = ?)",
                [conversationId])
        sql("UPDATE conversations SET status = 'CLOSED' WHERE id = ?", [conversationId])
    }

    /** A live tag definition of {@code site}; {@code deleted} makes it a deleted one. */
    UUID tagOf(Site site, String name = TestInfra.uniqueName('tag'), boolean deleted = false) {
        def id = UUID.randomUUID()
        sql("INSERT INTO tags (id, website_id, name, color, created_at, updated_at, deleted_at) VALUES (?, ?, ?, '#123456', now(), now(), ${deleted ? 'now()' : 'NULL'})",
                [id, site.id, name])
        id
    }

    /** The events of {@code site}'s topic written to the outbox, oldest first. */
    List<dev.zendo.events.v1.Envelope> outboxEvents(Site site) {
        sql('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', ['zendo.site.' + site.id])
                .collect { dev.zendo.events.v1.Envelope.parseFrom(it.payload as byte[]) }
    }

    /** An agent as identity's tokens describe it. */
    static class Agent {
        String id
        String email
        String name
        String token
    }

    /** A website as the replica holds it, with its keys in the clear for the spec. */
    static class Site {
        UUID id
        UUID groupId
        String publicKey
        String secretKey
        List<String> origins
        Agent owner
    }

    /**
     * Starts a widget session on {@code site} from its first allowed origin (or {@code https://shop.example}); {@code body}
     * adds to or replaces fields of a minimal request, {@code headers} to the Origin header and to an X-Forwarded-For of
     * a random address (the spec client is a trusted proxy), so specs do not share the per-address session limit.
     */
    Reply widgetSession(Site site, Map body = [:], Map<String, String> headers = [:]) {
        def address = "198.18.${new Random().nextInt(256)}.${new Random().nextInt(256)}".toString()
        call('POST', '/v1/widget/session', null, [public_key: site.publicKey, page: [url: 'https://shop.example/pricing']] + body,
                [Origin: site.origins ? site.origins[0] : 'https://shop.example', 'X-Forwarded-For': address] + headers)
    }

    /** Calls a widget endpoint with a visitor token from {@code origin}. */
    Reply widget(String method, String path, String visitorToken, Object body = null, String origin = 'https://shop.example') {
        call(method, path, visitorToken, body, origin == null ? [:] : [Origin: origin])
    }
}
