package dev.zendo.conversations

import java.time.Instant

/**
 * Conversations, threads and messages written straight into the tables, for specs of what agents read (search,
 * profiles, stats): exact timestamps and states without going through the widget.
 */
class WorkspaceSeed {

    final ConversationsApi api

    WorkspaceSeed(ConversationsApi api) {
        this.api = api
    }

    /** A visitor of {@code site}. */
    UUID visitor(ConversationsApi.Site site, Map fields = [:]) {
        UUID id = UUID.randomUUID()
        Instant at = fields.createdAt ?: Instant.now()
        api.sql('''INSERT INTO visitors (id, website_id, label, name, email, phone, external_id, claimed_external_id, claimed_email,
                       attributes, user_agent, client_ip, locale, created_at, updated_at, last_seen_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS inet), ?, ?, ?, ?)''',
                [id, site.id, fields.label ?: "Calm Heron ${id.toString()[0..3]}".toString(), fields.name, fields.email, fields.phone,
                 fields.externalId, fields.claimedId, fields.claimedEmail, fields.attributes ?: '{}', fields.userAgent, fields.clientIp,
                 fields.locale, at, at, at])
        id
    }

    /** The visitor's conversation with one thread in {@code status}, with {@code agentId} when given. */
    Conversation conversation(ConversationsApi.Site site, UUID visitorId, String status = 'PENDING', String agentId = null,
                              Instant at = Instant.now()) {
        def conversation = new Conversation(id: UUID.randomUUID(), threadId: UUID.randomUUID(), visitorId: visitorId, site: site)
        api.sql('''INSERT INTO conversations (id, website_id, visitor_id, last_seq, current_thread_id, status, group_id, agent_id,
                       last_message_at, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)''',
                [conversation.id, site.id, visitorId, conversation.threadId, status, site.groupId, agentId, at, at, at])
        thread(conversation, conversation.threadId, status, agentId, at)
        conversation
    }

    /** A thread of the conversation; one with an agent was assigned just now, so routing does not take it back yet. */
    void thread(Conversation conversation, UUID threadId, String status, String agentId, Instant openedAt, Map closed = [:]) {
        api.sql('''INSERT INTO threads (id, conversation_id, website_id, status, group_id, agent_id, opened_at, assigned_at, closed_at,
                       closed_by_kind, closed_by_id, close_reason, rating, rating_comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)''',
                [threadId, conversation.id, conversation.site.id, status, conversation.site.groupId, agentId, openedAt,
                 agentId ? Instant.now() : null, closed.at,
                 closed.byKind, closed.byId, closed.reason, closed.rating, closed.comment])
    }

    /** A message in the conversation's current thread, next in seq. */
    UUID message(Conversation conversation, String body, String kind = 'TEXT', Instant at = Instant.now()) {
        kind == 'NOTE' ? insertMessage(conversation, 'AGENT', 'agent', kind, body, at)
                : insertMessage(conversation, 'VISITOR', conversation.visitorId.toString(), kind, body, at)
    }

    /** A message {@code agentId} wrote in the conversation's current thread, next in seq: a reply, or a note with kind NOTE. */
    UUID agentMessage(Conversation conversation, String agentId, String kind = 'TEXT', Instant at = Instant.now()) {
        insertMessage(conversation, 'AGENT', agentId, kind, 'Agent message', at)
    }

    private UUID insertMessage(Conversation conversation, String authorKind, String authorId, String kind, String body, Instant at) {
        UUID id = UUID.randomUUID()
        long seq = api.sql('UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq', [conversation.id])[0].last_seq
        api.sql('''INSERT INTO messages (id, conversation_id, thread_id, website_id, seq, author_kind, author_id, kind, body, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)''',
                [id, conversation.id, conversation.threadId, conversation.site.id, seq, authorKind, authorId, kind, body, at])
        id
    }

    /** A conversation as seeded. */
    static class Conversation {
        UUID id
        UUID threadId
        UUID visitorId
        ConversationsApi.Site site
    }
}
