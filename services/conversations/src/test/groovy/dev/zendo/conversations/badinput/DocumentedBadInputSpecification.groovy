package dev.zendo.conversations.badinput

import dev.zendo.conversations.ConversationsApi
import dev.zendo.testsupport.badinput.BadInput
import dev.zendo.testsupport.badinput.BadInputs
import dev.zendo.testsupport.badinput.OpenApiBadInputSpec
import spock.lang.Shared

import static dev.zendo.conversations.ConversationsApi.expect

/**
 * The generic bad-input probe over the operations of conversations' served OpenAPI document under one path prefix, as
 * the caller that API expects: a website with a visitor who wrote a first message, a tag and an identity-verification
 * secret give every path parameter a valid value, so only the bad input is at fault.
 */
abstract class DocumentedBadInputSpecification extends OpenApiBadInputSpec {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    ConversationsApi.Site site = api.site()

    @Shared
    Map session = expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'first', body: 'Hello, I need help']]))

    @Shared
    Map tag = expect(201, api.call('POST', "/v1/inbox/$site.id/tags", site.owner.token, [name: 'Vip', color: '#123456']))

    @Shared
    Map secret = expect(201, api.call('POST', "/v1/inbox/$site.id/identity-verification/secrets", site.owner.token, [:]))

    /** The path prefix of the operations this spec probes. */
    abstract String prefix()

    @Override
    URL server() {
        api.server.URL
    }

    @Override
    String service() {
        'conversations'
    }

    @Override
    Map<String, String> pathValues() {
        [websiteId: site.id.toString(), conversationId: session.conversation.id, visitorId: session.visitor.id, tagId: tag.id,
         secretId: secret.id] as Map<String, String>
    }

    /**
     * The rows of this spec's website in every table an API call may write, and its outbox events: other specs'
     * websites keep changing in the background (routing reassigns their threads), this one does not.
     */
    @Override
    Object state() {
        def rows = "md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS rows"
        ['visitors', 'page_views', 'conversations', 'threads', 'messages', 'tags', 'identity_secrets', 'audit_log', 'transcript_requests'].collect {
            api.sql("SELECT $rows FROM $it x WHERE website_id = ?".toString(), [site.id])
        } + ['read_cursors', 'conversation_tags'].collect {
            api.sql("SELECT $rows FROM $it x WHERE conversation_id IN (SELECT id FROM conversations WHERE website_id = ?)".toString(), [site.id])
        } + api.sql("SELECT coalesce(string_agg(event_id::text, ',' ORDER BY id), '') AS rows FROM outbox WHERE topic = ?",
                ["zendo.site.$site.id".toString()])
    }

    /**
     * The {@code @FreeText} fields: the service strips the characters of {@link BadInputs#BAD_TEXT} from them instead of
     * refusing them (MessageServiceSpec checks the cleaning), so those inputs are not probed there.
     */
    static final Set<String> FREE_TEXT = ['body', 'comment', 'first_message.body'] as Set

    @Override
    List<BadInput> badInputs() {
        super.badInputs().findAll { it.operation.path.startsWith(prefix()) && !freeTextProblem(it) }
    }

    static boolean freeTextProblem(BadInput input) {
        input.field in FREE_TEXT && BadInputs.BAD_TEXT.keySet().any { input.problem == "$it in $input.field".toString() }
    }
}
