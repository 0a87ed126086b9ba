package dev.zendo.notifications.transcript

import com.google.protobuf.Timestamp
import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.TranscriptMessage
import dev.zendo.events.v1.TranscriptRequested
import dev.zendo.notifications.NotificationsApi
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Instant

import static dev.zendo.notifications.NotificationsApi.envelope
import static dev.zendo.notifications.NotificationsApi.newAddress
import static dev.zendo.notifications.NotificationsApi.publish

/**
 * A visitor who asked for a thread's transcript gets it once by mail, in the language it asked in, with every message
 * escaped and attributed; an address that turned transcripts off gets nothing, logged as suppressed.
 */
class TranscriptMailSpec extends Specification {

    @Shared NotificationsApi api = NotificationsApi.get()
    PollingConditions within = new PollingConditions(timeout: 30, delay: 0.2)

    static final Instant CLOSED = Instant.parse('2026-03-04T10:15:00Z')

    static Timestamp at(Instant instant) {
        Timestamp.newBuilder().setSeconds(instant.epochSecond).setNanos(instant.nano).build()
    }

    static TranscriptMessage message(long seq, ActorKind kind, String name, String body) {
        TranscriptMessage.newBuilder().setSeq(seq).setAuthor(Actor.newBuilder().setKind(kind).setId("author-$seq"))
                .setAuthorName(name).setBody(body).setCreatedAt(at(CLOSED.minusSeconds(600 - seq * 60))).build()
    }

    /** A transcript event as conversations writes it, for a new thread unless {@code fields.thread} names one. */
    static Envelope transcript(String site, String email, Map fields = [:]) {
        def conversation = UUID.randomUUID().toString()
        def visitor = UUID.randomUUID().toString()
        envelope('transcript.requested', site).setConversationId(conversation).setVisitorId(visitor)
                .setActor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(visitor))
                .setTranscriptRequested(TranscriptRequested.newBuilder().setConversationId(conversation)
                        .setThreadId(fields.thread ?: UUID.randomUUID().toString()).setVisitorId(visitor).setEmail(email)
                        .setLanguage(fields.language ?: 'en').setTruncated(fields.truncated ?: false).setClosedAt(at(CLOSED))
                        .addAllMessages(fields.messages ?: [
                                message(1, ActorKind.ACTOR_KIND_VISITOR, 'Brave Otter 42', 'Where is my <order>?'),
                                message(2, ActorKind.ACTOR_KIND_AGENT, 'Ana <b>Agent</b>', 'It ships <script>alert(1)</script> today.'),
                                message(3, ActorKind.ACTOR_KIND_BOT, 'Shipping', 'Tracking: 42'),
                        ])).build()
    }

    List<Map> log(String email) {
        api.sql('SELECT kind, status, reason, recipient_agent_id FROM notification WHERE recipient_email = ?', [email])
    }

    def 'the transcript arrives once, its messages escaped, in order, with names and times'() {
        given:
        def site = api.website(UUID.randomUUID().toString(), 'Acme & Co')
        def email = newAddress('transcript')
        def event = transcript(site, email)

        when:
        publish(api.transcriptsTopic, event.conversationId, event)

        then:
        within.eventually { assert api.mailbox.of(email).size() == 1 }
        def mail = api.mailbox.of(email).first()
        mail.subject == 'The transcript of your chat on Acme & Co'
        mail.text.contains('Here is the transcript of your chat on Acme & Co, which ended on March 4, 2026 10:15 UTC.')
        mail.text.normalize().contains('You, March 4, 2026 10:06 UTC:\n> Where is my <order>?\n\n'
                + 'Ana <b>Agent</b>, March 4, 2026 10:07 UTC:\n> It ships <script>alert(1)</script> today.\n\n'
                + 'Shipping, March 4, 2026 10:08 UTC:\n> Tracking: 42')
        !mail.text.contains('Brave Otter 42')
        !mail.text.contains('The chat was long')
        !mail.html.contains('<script>')
        !mail.html.contains('<b>')
        mail.html.contains('Where is my &lt;order&gt;?')
        mail.html.contains('Ana &lt;b&gt;Agent&lt;/b&gt;')
        mail.html.contains('It ships &lt;script&gt;alert(1)&lt;/script&gt; today.')
        mail.header('List-Unsubscribe') =~ '^<https://chat.example.test/v1/notifications/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$'
        mail.header('List-Unsubscribe-Post') == 'List-Unsubscribe=One-Click'
        within.eventually { assert log(email) == [[kind: 'transcript', status: 'delivered', reason: null, recipient_agent_id: null]] }
        api.sql('SELECT count(*) AS n FROM outgoing_mail WHERE recipient = ?', [email])[0].n == 0
    }

    def 'a transcript in #language is written in #language, with the truncated line when capped'() {
        given:
        def site = api.website(UUID.randomUUID().toString(), 'Acme', 'en')
        def email = newAddress("transcript-$language")
        def event = transcript(site, email, [language: language, truncated: true])

        when:
        publish(api.transcriptsTopic, event.conversationId, event)

        then:
        within.eventually { assert api.mailbox.of(email).size() == 1 }
        def mail = api.mailbox.of(email).first()
        mail.subject == subject
        mail.text.contains(truncated)
        mail.text.normalize().contains(you + ', ')

        where:
        language | subject                                   | truncated                                                                    | you
        'en'     | 'The transcript of your chat on Acme'     | 'The chat was long: this transcript shows its last 3 messages.'              | 'You'
        'de'     | 'Das Protokoll Ihres Chats auf Acme'      | 'Der Chat war lang: Dieses Protokoll zeigt seine letzten 3 Nachrichten.'    | 'Sie'
        'es'     | 'La transcripción de tu chat en Acme'     | 'El chat fue largo: esta transcripción muestra sus últimos 3 mensajes.'     | 'Tú'
    }

    def 'a replayed event, or another event for the same thread, sends nothing more'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def email = newAddress('replayed')
        def thread = UUID.randomUUID().toString()
        def event = transcript(site, email, [thread: thread])
        publish(api.transcriptsTopic, event.conversationId, event)
        within.eventually { assert api.mailbox.of(email).size() == 1 }

        when:
        def again = transcript(site, email.toUpperCase(), [thread: thread])
        publish(api.transcriptsTopic, event.conversationId, event, again)
        def marker = transcript(site, email)
        publish(api.transcriptsTopic, event.conversationId, marker)

        then: 'the next thread\'s transcript arrives, and no second one of the first'
        within.eventually { assert api.mailbox.of(email).size() == 2 }
        api.sql('SELECT event_id FROM notification WHERE recipient_email IN (?, ?) ORDER BY created_at', [email, email.toUpperCase()])*.event_id ==
                [thread, marker.transcriptRequested.threadId]
    }

    def 'an address that turned transcripts off gets none: suppressed, unsubscribed'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def email = newAddress('optedout')
        def first = transcript(site, email)
        publish(api.transcriptsTopic, first.conversationId, first)
        within.eventually { assert api.mailbox.of(email).size() == 1 }
        def path = api.mailbox.of(email).first().header('List-Unsubscribe')[1..-2] - 'https://chat.example.test'
        assert unsubscribe(path) == 200

        when:
        def next = transcript(site, email)
        publish(api.transcriptsTopic, next.conversationId, next)

        then:
        within.eventually {
            assert api.sql('SELECT status, reason FROM notification WHERE event_id = ?', [next.transcriptRequested.threadId]) ==
                    [[status: 'suppressed', reason: 'unsubscribed']]
        }
        api.mailbox.of(email).size() == 1
    }

    /** The one-click unsubscribe of {@code path}, as a mail client sends it; its status. */
    int unsubscribe(String path) {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(new URI("$api.server.URL$path"))
                .header('Content-Type', 'application/x-www-form-urlencoded')
                .POST(HttpRequest.BodyPublishers.ofString('List-Unsubscribe=One-Click')).build(), HttpResponse.BodyHandlers.ofString()).statusCode()
    }
}
