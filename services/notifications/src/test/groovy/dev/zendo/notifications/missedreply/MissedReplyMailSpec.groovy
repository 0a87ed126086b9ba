package dev.zendo.notifications.missedreply

import com.google.protobuf.Timestamp
import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.MessageCreated
import dev.zendo.events.v1.MessageKind
import dev.zendo.events.v1.ReadUpTo
import dev.zendo.events.v1.VisitorCreated
import dev.zendo.notifications.NotificationsApi
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

import static dev.zendo.notifications.NotificationsApi.envelope
import static dev.zendo.notifications.NotificationsApi.newAddress
import static dev.zendo.notifications.NotificationsApi.publish

/**
 * A visitor with an address who did not read agents' replies within the delay (3 s in the specs) gets them in one
 * mail per conversation; replies read meanwhile are never mailed, and no reply is mailed twice.
 */
class MissedReplyMailSpec extends Specification {

    @Shared NotificationsApi api = NotificationsApi.get()
    PollingConditions within = new PollingConditions(timeout: 30, delay: 0.2)

    /** A conversation of a new visitor of {@code site}, with {@code email} (none when empty). */
    static Map conversation(String site, String email) {
        [site: site, id: UUID.randomUUID().toString(), visitor: UUID.randomUUID().toString(), email: email]
    }

    static Envelope visitorCreated(Map conversation, String name = 'Cy') {
        envelope('visitor.created', conversation.site).setVisitorId(conversation.visitor)
                .setActor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(conversation.visitor))
                .setVisitorCreated(VisitorCreated.newBuilder().setVisitorId(conversation.visitor).setName(name)
                        .setEmail(conversation.email).setLabel('Brave Otter 42')).build()
    }

    static Envelope reply(Map conversation, long seq, String body, Map fields = [:]) {
        def now = Instant.now()
        def author = fields.visitor ? Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(conversation.visitor)
                : Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId('agent-1')
        envelope('message.created', conversation.site).setConversationId(conversation.id).setVisitorId(conversation.visitor)
                .setActor(author)
                .setMessageCreated(MessageCreated.newBuilder().setMessageId(UUID.randomUUID().toString())
                        .setConversationId(conversation.id).setThreadId(UUID.randomUUID().toString()).setSeq(seq)
                        .setAuthor(author).setAuthorName(fields.author ?: 'Ana Agent').setKind(fields.kind ?: MessageKind.MESSAGE_KIND_TEXT)
                        .setBody(body).setCreatedAt(Timestamp.newBuilder().setSeconds(now.epochSecond).setNanos(now.nano))).build()
    }

    static Envelope read(Map conversation, long seq) {
        def visitor = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(conversation.visitor)
        envelope('read.up_to', conversation.site).setConversationId(conversation.id).setVisitorId(conversation.visitor)
                .setActor(visitor).setReadUpTo(ReadUpTo.newBuilder().setConversationId(conversation.id).setReader(visitor).setSeq(seq)).build()
    }

    void publishAll(Map conversation, Envelope... events) {
        publish(api.siteTopic(conversation.site), conversation.site, visitorCreated(conversation))
        publish(api.siteTopic(conversation.site), conversation.id, events)
    }

    List<Map> pending(Map conversation) {
        api.sql('SELECT message_id FROM pending_reply WHERE conversation_id = ?', [conversation.id]) +
                api.sql('SELECT conversation_id FROM pending_digest WHERE conversation_id = ?', [conversation.id])
    }

    def 'the replies a visitor did not read come in one mail, in order, with their authors; their texts are then deleted'() {
        given:
        def site = api.website(UUID.randomUUID().toString(), 'Acme & Co')
        def chat = conversation(site, newAddress('visitor'))
        def first = reply(chat, 2, 'Hello! How can I help?')
        def note = reply(chat, 3, 'VIP customer', [kind: MessageKind.MESSAGE_KIND_NOTE])
        def own = reply(chat, 4, 'Are you there?', [visitor: true])
        def second = reply(chat, 5, 'We ship on Mondays.', [author: 'Bo Bot'])

        when:
        publishAll(chat, first, note, own, second, second)

        then:
        within.eventually { assert api.mailbox.of(chat.email).size() == 1 }
        def mail = api.mailbox.of(chat.email).first()
        mail.subject == 'You have 2 unread replies from Acme & Co'
        mail.text.normalize().contains('Ana Agent:\n> Hello! How can I help?\n\nBo Bot:\n> We ship on Mondays.')
        !mail.text.contains('VIP customer')
        !mail.text.contains('Are you there?')
        mail.header('List-Unsubscribe') =~ '^<https://chat.example.test/v1/notifications/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$'
        within.eventually {
            assert api.sql('SELECT kind, status, recipient_agent_id FROM notification WHERE recipient_email = ?', [chat.email]) ==
                    [[kind: 'missed_reply', status: 'delivered', recipient_agent_id: null]]
        }
        pending(chat).isEmpty()
    }

    def 'replies the visitor read meanwhile are never mailed, nor kept'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def readAll = conversation(site, newAddress('reader'))
        def readSome = conversation(site, newAddress('skimmer'))

        when:
        publishAll(readAll, reply(readAll, 1, 'One'), reply(readAll, 2, 'Two'), read(readAll, 2))
        publishAll(readSome, reply(readSome, 1, 'Seen'), read(readSome, 1), reply(readSome, 2, 'Unseen'))

        then:
        within.eventually { assert api.mailbox.of(readSome.email).size() == 1 }
        api.mailbox.of(readSome.email).first().subject == 'You have an unread reply from Acme'
        api.mailbox.of(readSome.email).first().text.contains('> Unseen')
        !api.mailbox.of(readSome.email).first().text.normalize().contains('> Seen\n')
        api.mailbox.of(readAll.email).isEmpty()
        pending(readAll).isEmpty()
        api.sql('SELECT count(*) AS n FROM notification WHERE recipient_email = ?', [readAll.email])[0].n == 0
    }

    def 'a later reply makes a later mail, which never repeats an earlier reply'() {
        given:
        def site = api.website(UUID.randomUUID().toString(), 'Acme', 'es')
        def chat = conversation(site, newAddress('returning'))
        publishAll(chat, reply(chat, 1, 'First answer'))
        within.eventually { assert api.mailbox.of(chat.email).size() == 1 }

        when:
        publish(api.siteTopic(site), chat.id, reply(chat, 2, 'Second answer'))

        then:
        within.eventually { assert api.mailbox.of(chat.email).size() == 2 }
        def mails = api.mailbox.of(chat.email)
        mails*.subject == ['Tienes una respuesta sin leer de Acme'] * 2
        mails[0].text.contains('First answer')
        !mails[1].text.contains('First answer')
        mails[1].text.contains('Second answer')
    }

    def 'a visitor without an address gets nothing, and its replies do not linger'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def anonymous = conversation(site, '')

        when:
        publishAll(anonymous, reply(anonymous, 1, 'Anyone?'))

        then:
        within.eventually { assert api.sql('SELECT 1 FROM pending_reply WHERE conversation_id = ?', [anonymous.id]).size() == 1 }
        within.eventually { assert pending(anonymous).isEmpty() }
        api.sql('SELECT count(*) AS n FROM notification WHERE website_id = ?::uuid', [site])[0].n == 0
    }

    def 'markup in an agent\'s name and reply is shown as text, never run'() {
        given:
        def site = api.website(UUID.randomUUID().toString(), 'Acme', 'de')
        def chat = conversation(site, newAddress('careful'))

        when:
        publishAll(chat, reply(chat, 1, 'Try <img src=x onerror=alert(2)>', [author: '<img src=x onerror=alert(1)>']))

        then:
        within.eventually { assert api.mailbox.of(chat.email).size() == 1 }
        def mail = api.mailbox.of(chat.email).first()
        mail.subject == 'Sie haben eine ungelesene Antwort von Acme'
        !mail.html.contains('<img')
        mail.html.contains('&lt;img src=x onerror=alert(1)&gt;')
        mail.html.contains('Try &lt;img src=x onerror=alert(2)&gt;')
    }

    def 'the visitor\'s unsubscribe link asks first, then stops these mails for that address and website'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def chat = conversation(site, newAddress('leaving'))
        publishAll(chat, reply(chat, 1, 'Hello'))
        within.eventually { assert api.mailbox.of(chat.email).size() == 1 }
        def path = api.mailbox.of(chat.email).first().header('List-Unsubscribe')[1..-2] - 'https://chat.example.test'

        when:
        def confirm = page('GET', path)
        def done = page('POST', path)

        then:
        confirm.status == 200
        confirm.body.contains('Stop mails of replies you did not read in the chat for <strong>Acme</strong>?')
        !confirm.body.contains('notification preferences')
        done.status == 200
        done.body.contains('You will no longer get mails of replies you did not read in the chat')

        when:
        def next = reply(chat, 2, 'Still there?')
        publish(api.siteTopic(site), chat.id, next)

        then:
        within.eventually {
            assert api.sql('SELECT status, reason FROM notification WHERE event_id = ?', [next.messageCreated.messageId]) ==
                    [[status: 'suppressed', reason: 'unsubscribed']]
        }
        api.mailbox.of(chat.email).size() == 1
        pending(chat).isEmpty()
    }

    def 'sweeps running at once mail each conversation once, with all its due replies'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def chats = (1..24).collect { conversation(site, newAddress("crowd$it")) }
        chats.each { publishAll(it, reply(it, 1, 'One'), reply(it, 2, 'Two')) }
        within.eventually {
            assert api.sql('SELECT count(*) AS n FROM pending_reply WHERE conversation_id = ANY (?::text[])',
                    ['{' + chats*.id.join(',') + '}'])[0].n == 48
        }
        def sweep = api.server.applicationContext.getBean(DigestSweep)
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(4)

        when: 'four sweepers race the scheduled one'
        def claimed = (1..4).collect {
            pool.submit({
                start.await()
                int total = 0
                while (api.sql('SELECT 1 FROM pending_digest WHERE conversation_id = ANY (?::text[]) LIMIT 1',
                        ['{' + chats*.id.join(',') + '}'])) {
                    total += sweep.sweepBatch()
                }
                total
            } as Callable<Integer>)
        }
        start.countDown()
        claimed*.get()
        pool.shutdown()

        then:
        within.eventually { assert chats.every { api.mailbox.of(it.email).size() == 1 } }
        chats.every { api.mailbox.of(it.email).first().text.normalize().contains('> One\n\nAna Agent:\n> Two') }
        api.sql('''SELECT recipient_email, count(*) AS n FROM notification WHERE website_id = ?::uuid
                   GROUP BY recipient_email HAVING count(*) > 1''', [site]).isEmpty()
        api.sql('SELECT count(*) AS n FROM notification WHERE website_id = ?::uuid', [site])[0].n == 24
    }

    /** A browser's or mail client's request to the link {@code path}: its status and page. */
    Map page(String method, String path) {
        def request = HttpRequest.newBuilder(new URI("$api.server.URL$path"))
        if (method == 'POST') {
            request.header('Content-Type', 'application/x-www-form-urlencoded').POST(HttpRequest.BodyPublishers.ofString('List-Unsubscribe=One-Click'))
        }
        def response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())
        [status: response.statusCode(), body: response.body()]
    }
}
