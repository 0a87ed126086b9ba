package dev.zendo.notifications.conversation

import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.ConversationAssigned
import dev.zendo.events.v1.ConversationOpened
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.Role
import dev.zendo.notifications.NotificationsApi
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

import static dev.zendo.notifications.NotificationsApi.envelope
import static dev.zendo.notifications.NotificationsApi.newAddress
import static dev.zendo.notifications.NotificationsApi.publish
import static dev.zendo.testsupport.ServiceApi.expect

/** Members who opted in hear about their website's new conversations and their own assignments, never about their own acts. */
class ConversationMailSpec extends Specification {

    @Shared NotificationsApi api = NotificationsApi.get()
    PollingConditions within = new PollingConditions(timeout: 20, delay: 0.1)

    Map member(String site, Role role, boolean newConversation, boolean assignment) {
        def id = UUID.randomUUID().toString()
        def email = newAddress(role.name().toLowerCase())
        api.agent(id, email, 'Member')
        api.member(site, id, role)
        within.eventually { assert api.sql('SELECT 1 FROM member m JOIN agent a ON a.id = m.agent_id WHERE m.agent_id = ?', [id]).size() == 1 }
        expect(200, api.call('PUT', "/v1/websites/$site/notification-preferences", api.agentToken(id),
                [email: [new_conversation: newConversation, assignment: assignment, offline_message: false]]))
        [id: id, email: email]
    }

    /** A browser's or mail client's request to the link {@code path}: its status, content type and page. */
    Map page(String method, String path) {
        def request = HttpRequest.newBuilder(new URI("$api.server.URL$path"))
        if (method == 'POST') {
            request.header('Content-Type', 'application/x-www-form-urlencoded').POST(HttpRequest.BodyPublishers.ofString('List-Unsubscribe=One-Click'))
        }
        def response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())
        [status: response.statusCode(), type: response.headers().firstValue('Content-Type').orElse(''), body: response.body()]
    }

    static Envelope opened(String site) {
        def conversation = UUID.randomUUID().toString()
        envelope('conversation.opened', site).setConversationId(conversation)
                .setActor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(UUID.randomUUID().toString()))
                .setConversationOpened(ConversationOpened.newBuilder().setConversationId(conversation)
                        .setVisitorId(UUID.randomUUID().toString()).setThreadId(UUID.randomUUID().toString())).build()
    }

    static Envelope assigned(String site, String agentId, String byAgentId) {
        def conversation = UUID.randomUUID().toString()
        envelope('conversation.assigned', site).setConversationId(conversation)
                .setActor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(byAgentId))
                .setConversationAssigned(ConversationAssigned.newBuilder().setConversationId(conversation).setAgentId(agentId)
                        .setThreadId(UUID.randomUUID().toString())).build()
    }

    def 'a new conversation is mailed once to each answering member who opted in, with a working unsubscribe link'() {
        given:
        def site = api.website(UUID.randomUUID().toString(), 'Acme & Co')
        def keen = member(site, Role.ROLE_AGENT, true, false)
        def quiet = member(site, Role.ROLE_AGENT, false, true)
        def viewer = member(site, Role.ROLE_VIEWER, true, true)
        def event = opened(site)

        when: 'the event comes twice'
        publish(api.siteTopic(site), event.conversationId, event, event)

        then:
        within.eventually { assert api.mailbox.of(keen.email).size() == 1 }
        def mail = api.mailbox.of(keen.email).first()
        mail.subject == 'New conversation on Acme & Co'
        mail.text.contains("https://chat.example.test/inbox/open/$event.conversationId")
        mail.html.contains('Acme &amp; Co')
        def unsubscribe = mail.header('List-Unsubscribe')
        unsubscribe =~ '^<https://chat.example.test/v1/notifications/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$'
        mail.header('List-Unsubscribe-Post') == 'List-Unsubscribe=One-Click'
        mail.text.contains(unsubscribe[1..-2])
        api.mailbox.of(quiet.email).isEmpty()
        api.mailbox.of(viewer.email).isEmpty()
        api.sql('SELECT count(*) AS n FROM notification WHERE event_id = ?', [event.eventId])[0].n == 1
    }

    def 'an assignment is mailed to the assignee who opted in, unless they assigned it to themselves'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def assignee = member(site, Role.ROLE_AGENT, false, true)
        def supervisor = member(site, Role.ROLE_SUPERVISOR, false, true)
        def byOther = assigned(site, assignee.id, supervisor.id)
        def bySelf = assigned(site, assignee.id, assignee.id)

        when:
        publish(api.siteTopic(site), site, bySelf, byOther)

        then:
        within.eventually { assert api.mailbox.of(assignee.email).size() == 1 }
        api.mailbox.of(assignee.email).first().subject == "A conversation on Acme was assigned to you"
        api.mailbox.of(assignee.email).first().text.contains("/inbox/open/$byOther.conversationId")
        api.sql('SELECT status, reason FROM notification WHERE event_id = ?', [bySelf.eventId]) == [[status: 'suppressed', reason: 'self_originated']]
        api.mailbox.of(supervisor.email).isEmpty()
    }

    def 'the unsubscribe link asks first, then turns the kind off for that website only'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def keen = member(site, Role.ROLE_AGENT, true, true)
        publish(api.siteTopic(site), site, opened(site))
        within.eventually { assert api.mailbox.of(keen.email).size() == 1 }
        def link = api.mailbox.of(keen.email).first().header('List-Unsubscribe')[1..-2]
        def path = link - 'https://chat.example.test'

        when: 'the link is opened, as a scanner would'
        def confirm = page('GET', path)

        then: 'nothing changes yet'
        confirm.status == 200
        confirm.type.startsWith('text/html')
        confirm.body.contains('<form method="post"')
        confirm.body.contains('new conversations')
        expect(200, api.call('GET', "/v1/websites/$site/notification-preferences", api.agentToken(keen.id))) ==
                [email: [new_conversation: true, assignment: true, offline_message: false]]

        when: 'the one-click POST comes'
        def done = page('POST', path)

        then:
        done.status == 200
        done.body.contains('You will no longer get mails about new conversations')
        expect(200, api.call('GET', "/v1/websites/$site/notification-preferences", api.agentToken(keen.id))) ==
                [email: [new_conversation: false, assignment: true, offline_message: false]]

        when: 'another conversation starts'
        def next = opened(site)
        publish(api.siteTopic(site), site, next)
        def marker = assigned(site, keen.id, UUID.randomUUID().toString())
        publish(api.siteTopic(site), site, marker)

        then: 'only the assignment, still wanted, is mailed'
        within.eventually { assert api.mailbox.of(keen.email).size() == 2 }
        api.mailbox.of(keen.email)*.subject == ['New conversation on Acme', 'A conversation on Acme was assigned to you']
    }

    def 'an unknown or malformed unsubscribe link changes nothing: #token'() {
        when:
        def reply = page(method, "/v1/notifications/unsubscribe?token=$token")

        then:
        reply.status == status
        reply.type.startsWith(type)

        where:
        method | token                      || status | type
        'GET'  | 'A' * 43                   || 404    | 'text/html'
        'POST' | 'A' * 43                   || 404    | 'text/html'
        'GET'  | 'short'                    || 400    | 'application/json'
        'POST' | 'with%20space' + 'A' * 31  || 400    | 'application/json'
    }
}
