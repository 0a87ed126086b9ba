package dev.zendo.conversations.server

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.conversation.ConversationService
import dev.zendo.conversations.message.Author
import dev.zendo.conversations.message.AuthorKind
import dev.zendo.conversations.message.MessageKind
import dev.zendo.conversations.message.MessageService
import dev.zendo.conversations.message.PostMessage
import dev.zendo.events.v1.Envelope
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** The shared service, websites with a visitor who wrote a first message, and readers of the audit log and the outbox. */
abstract class ServerApiSpecification extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    /**
     * A visitor of {@code site} who wrote {@code text}: its conversation has a pending thread, and routing has told it
     * its queue position, so nothing more happens to it in the background.
     */
    Map chat(ConversationsApi.Site site, String text = 'Hello') {
        UUID visitorId = UUID.randomUUID()
        api.sql('INSERT INTO visitors (id, website_id, label, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, now(), now(), now())',
                [visitorId, site.id, 'Brave Otter 42'])
        def conversation = api.context.getBean(ConversationService).lockOrOpen(site.id, visitorId)
        api.context.getBean(MessageService).post(new PostMessage(site.id, conversation.id(),
                new Author(AuthorKind.VISITOR, visitorId.toString(), 'Brave Otter 42'), MessageKind.TEXT, UUID.randomUUID().toString(), text))
        new PollingConditions(timeout: 10).eventually {
            assert events(site).any { it.hasQueuePositionChanged() && it.conversationId == conversation.id().toString() }
        }
        [visitorId: visitorId, conversationId: conversation.id()]
    }

    /** The id of the site's current secret key. */
    String keyId(ConversationsApi.Site site) {
        api.sql("SELECT key_id FROM replica_keys WHERE website_id = ? AND kind = 'SECRET' AND expires_at IS NULL", [site.id])[0].key_id
    }

    /** The site's audit entries, oldest first. */
    List<Map> audit(ConversationsApi.Site site) {
        api.sql('SELECT actor_kind, actor_id, action, target_type, target_id, detail::text AS detail FROM audit_log WHERE website_id = ? ORDER BY id',
                [site.id])
    }

    /** The site's events in the outbox, oldest first. */
    List<Envelope> events(ConversationsApi.Site site) {
        api.sql('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', ["zendo.site.$site.id".toString()])
                .collect { Envelope.parseFrom(it.payload as byte[]) }
    }
}
