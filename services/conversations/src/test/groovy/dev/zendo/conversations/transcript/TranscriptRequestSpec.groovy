package dev.zendo.conversations.transcript

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.message.Author
import dev.zendo.conversations.message.AuthorKind
import dev.zendo.conversations.message.MessageKind
import dev.zendo.conversations.message.MessageService
import dev.zendo.conversations.message.PostMessage
import dev.zendo.conversations.thread.ThreadService
import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import dev.zendo.testsupport.ServiceApi
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

import static dev.zendo.conversations.ConversationsApi.expect

/**
 * A visitor asks for its thread's transcript by email: the request waits for the thread's end, or is sent at once for a
 * thread that just ended, and a thread's transcript goes out once, as one TranscriptRequested on the transcripts topic
 * (never a website topic) with the thread's texts in order and never a note.
 */
class TranscriptRequestSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    TranscriptSettings settings = api.context.getBean(TranscriptSettings)

    /** A visitor of {@code site} who wrote a first message: its session. */
    Map chat(ConversationsApi.Site site, String first = 'Hello, I need help') {
        expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'first', body: first]]))
    }

    ServiceApi.Reply ask(Map session, Map body) {
        api.widget('POST', '/v1/widget/transcript-request', session.visitor_token as String, body)
    }

    void post(ConversationsApi.Site site, Map session, MessageKind kind, String body) {
        api.context.getBean(MessageService).post(new PostMessage(site.id, UUID.fromString(session.conversation.id),
                new Author(AuthorKind.AGENT, site.owner.id, 'Ana <b>Agent</b>'), kind, null, body))
    }

    void close(Map session, ConversationsApi.Site site) {
        api.context.getBean(ThreadService).close(UUID.fromString(session.conversation.id),
                Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(site.owner.id).build(), true, null)
    }

    /** The transcript events written for the conversation, oldest first. */
    List<Envelope> transcripts(Map session) {
        api.sql('SELECT payload FROM outbox WHERE topic = ? AND event_key = ? ORDER BY id', [settings.topic(), session.conversation.id])
                .collect { Envelope.parseFrom(it.payload as byte[]) }
    }

    def 'a request before the close is sent when the thread ends, with the thread\'s texts in order and no note'() {
        given:
        def site = api.site()
        def session = chat(site)
        post(site, session, MessageKind.TEXT, 'Hi! How can I help?')
        post(site, session, MessageKind.NOTE, 'VIP customer, be nice')
        expect(201, api.widget('POST', '/v1/widget/messages', session.visitor_token as String, [client_msg_id: 'c-2', body: 'Where is my <order>?']))

        when:
        def asked = ask(session, [email: 'ada@example.com', language: 'de'])

        then:
        asked.status == 200
        asked.body.thread_id == session.conversation.thread_id
        asked.body.email == 'ada@example.com'
        asked.body.language == 'de'
        asked.body.status == 'pending'
        transcripts(session).isEmpty()

        when:
        close(session, site)

        then:
        def events = transcripts(session)
        events.size() == 1
        def event = events[0]
        event.type == 'transcript.requested'
        event.audience == Audience.AUDIENCE_SERVICES
        event.websiteId == site.id.toString()
        def transcript = event.transcriptRequested
        transcript.threadId == session.conversation.thread_id
        transcript.visitorId == session.visitor.id
        transcript.email == 'ada@example.com'
        transcript.language == 'de'
        !transcript.truncated
        transcript.messagesList*.body == ['Hello, I need help', 'Hi! How can I help?', 'Where is my <order>?']
        transcript.messagesList*.author*.kind == [ActorKind.ACTOR_KIND_VISITOR, ActorKind.ACTOR_KIND_AGENT, ActorKind.ACTOR_KIND_VISITOR]
        transcript.messagesList[1].authorName == 'Ana <b>Agent</b>'
        transcript.messagesList*.seq == transcript.messagesList*.seq.sort()
        api.outboxEvents(site).every { it.payloadCase != Envelope.PayloadCase.TRANSCRIPT_REQUESTED }
    }

    def 'a request after the close is sent at once; one for a thread that ended too long ago is refused'() {
        given:
        def site = api.site()
        def session = chat(site)
        close(session, site)

        when:
        def asked = ask(session, [email: 'bo@example.com'])

        then:
        asked.status == 200
        asked.body.status == 'sent'
        asked.body.language == 'en'
        transcripts(session)*.transcriptRequested*.email == ['bo@example.com']

        when:
        def lateSite = api.site()
        def late = chat(lateSite)
        close(late, lateSite)
        api.sql("UPDATE threads SET closed_at = now() - interval '25 hours' WHERE id = ?::uuid", [late.conversation.thread_id])
        def tooLate = ask(late, [email: 'bo@example.com'])

        then:
        tooLate.status == 409
        tooLate.body.error == 'transcript_unavailable'
        transcripts(late).isEmpty()
    }

    def 'asking again replaces the address until the transcript is sent, and changes nothing after: one event per thread'() {
        given:
        def site = api.site()
        def session = chat(site)

        when:
        ask(session, [email: 'first@example.com'])
        def second = ask(session, [email: 'second@example.com', language: 'es'])
        close(session, site)
        def after = ask(session, [email: 'third@example.com'])

        then:
        second.body.status == 'pending'
        after.status == 200
        after.body.status == 'sent'
        after.body.email == 'second@example.com'
        transcripts(session)*.transcriptRequested*.email == ['second@example.com']
        transcripts(session)[0].transcriptRequested.language == 'es'
    }

    def 'requests racing the close send the transcript exactly once'() {
        given:
        def site = api.site()
        def session = chat(site)
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(5)

        when:
        def calls = (1..4).collect { n ->
            pool.submit({ start.await(); ask(session, [email: "racer$n@example.com".toString()]).status } as Callable<Integer>)
        } + [pool.submit({ start.await(); close(session, site); 200 } as Callable<Integer>)]
        start.countDown()
        def statuses = calls*.get()
        pool.shutdown()

        then:
        statuses.every { it == 200 }
        transcripts(session).size() == 1
        api.sql('SELECT sent_at FROM transcript_requests WHERE thread_id = ?::uuid', [session.conversation.thread_id])[0].sent_at != null
    }

    def 'a long thread\'s transcript carries only its latest messages, marked truncated'() {
        given:
        def site = api.site()
        def session = chat(site)
        api.sql('''INSERT INTO messages (id, conversation_id, thread_id, website_id, seq, author_kind, author_id, author_name, kind, body, created_at)
                   SELECT gen_random_uuid(), ?::uuid, ?::uuid, ?, 1 + n, 'AGENT', ?, 'Ana', 'TEXT', 'Answer ' || n, now()
                   FROM generate_series(1, ?) n''',
                [session.conversation.id, session.conversation.thread_id, site.id, site.owner.id, settings.maxMessages() + 10])
        api.sql('UPDATE conversations SET last_seq = ? WHERE id = ?::uuid', [settings.maxMessages() + 11, session.conversation.id])
        ask(session, [email: 'long@example.com'])

        when:
        close(session, site)

        then:
        def transcript = transcripts(session)[0].transcriptRequested
        transcript.truncated
        transcript.messagesCount == settings.maxMessages()
        transcript.messagesList[-1].body == "Answer ${settings.maxMessages() + 10}".toString()
        transcript.messagesList[0].body == 'Answer 11'
    }

    def 'a visitor who used up its message limit is refused with 429, and nothing is recorded'() {
        given:
        def site = api.site()
        def session = chat(site)
        api.useUp('widget-messages', session.visitor.id as String)

        when:
        def reply = ask(session, [email: 'ada@example.com'])

        then:
        reply.status == 429
        reply.body.error == 'too_many_requests'
        api.sql('SELECT count(*) AS n FROM transcript_requests WHERE website_id = ?', [site.id])[0].n == 0
    }

    def 'another website\'s visitor cannot reach the request: its own session has no conversation there (404)'() {
        given:
        def site = api.site()
        def session = chat(site)
        ask(session, [email: 'ada@example.com'])
        def other = expect(201, api.widgetSession(api.site()))

        when:
        def reply = api.widget('POST', '/v1/widget/transcript-request', other.visitor_token as String, [email: 'mallory@example.com'])
        close(session, site)

        then:
        reply.status == 404
        transcripts(session)*.transcriptRequested*.email == ['ada@example.com']
    }

    def 'bad input #problem is refused with 400 naming #field, and nothing is recorded'() {
        given:
        def site = api.site()
        def session = chat(site)

        when:
        def reply = ask(session, body)

        then:
        reply.status == 400
        reply.body.toString().contains(field)
        api.sql('SELECT count(*) AS n FROM transcript_requests WHERE website_id = ?', [site.id])[0].n == 0

        where:
        problem               | body                                                 | field
        'no email'            | [language: 'en']                                     | 'email'
        'an empty email'      | [email: '']                                          | 'email'
        'not an email'        | [email: 'not-an-address']                            | 'email'
        'a too long email'    | [email: 'a' * 320 + '@example.com']                  | 'email'
        'an unknown language' | [email: 'ada@example.com', language: 'fr']           | 'language'
        'a language tag'      | [email: 'ada@example.com', language: 'de-AT']        | 'language'
        'a number'            | [email: 'ada@example.com', language: 7]              | 'language'
        'an unknown field'    | [email: 'ada@example.com', cc: 'eve@example.com']    | 'cc'
    }

    def 'a visitor without a conversation yet gets 404'() {
        given:
        def session = expect(201, api.widgetSession(api.site()))

        when:
        def reply = api.widget('POST', '/v1/widget/transcript-request', session.visitor_token as String, [email: 'ada@example.com'])

        then:
        reply.status == 404
        reply.body.error == 'not_found'
    }
}
