package dev.zendo.notifications.offline

import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.ConversationAccess
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.GroupChanged
import dev.zendo.events.v1.LeftOffline
import dev.zendo.events.v1.MessageCreated
import dev.zendo.events.v1.MessageKind
import dev.zendo.events.v1.Role
import dev.zendo.notifications.NotificationsApi
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static dev.zendo.notifications.NotificationsApi.envelope
import static dev.zendo.notifications.NotificationsApi.newAddress
import static dev.zendo.notifications.NotificationsApi.publish
import static dev.zendo.testsupport.ServiceApi.expect

/** A message a visitor left while nobody was online is mailed to the members who answer chats, unless they turned it off. */
class OfflineMessageMailSpec extends Specification {

    @Shared NotificationsApi api = NotificationsApi.get()
    PollingConditions within = new PollingConditions(timeout: 20, delay: 0.1)

    Map member(String site, Role role, Boolean offlineMessage = null) {
        def id = UUID.randomUUID().toString()
        def email = newAddress(role.name().toLowerCase())
        api.agent(id, email, 'Member')
        api.member(site, id, role)
        within.eventually { assert api.sql('SELECT 1 FROM member m JOIN agent a ON a.id = m.agent_id WHERE m.agent_id = ?', [id]).size() == 1 }
        if (offlineMessage != null) {
            expect(200, api.call('PUT', "/v1/websites/$site/notification-preferences", api.agentToken(id),
                    [email: [new_conversation: false, assignment: false, offline_message: offlineMessage]]))
        }
        [id: id, email: email]
    }

    static Envelope message(String site, Map fields = [:]) {
        def conversation = UUID.randomUUID().toString()
        def visitor = UUID.randomUUID().toString()
        def created = MessageCreated.newBuilder().setMessageId(UUID.randomUUID().toString()).setConversationId(conversation)
                .setThreadId(UUID.randomUUID().toString()).setSeq(1).setKind(MessageKind.MESSAGE_KIND_TEXT)
                .setAuthor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(visitor))
                .setAuthorName(fields.name ?: 'Brave Otter 42').setBody(fields.body ?: 'Call me back, please')
        if (fields.offline != false) {
            created.setLeftOffline(LeftOffline.newBuilder().setName(fields.name ?: 'Cy Visitor').setEmail(fields.email ?: 'cy@example.com'))
        }
        envelope('message.created', site).setConversationId(conversation).setVisitorId(visitor)
                .setActor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(visitor))
                .setAccess(ConversationAccess.newBuilder().setQueued(true).setGroupId(fields.group ?: ''))
                .setMessageCreated(created).build()
    }

    def 'an offline message is mailed once to each answering member who did not turn it off, with reply-to the visitor'() {
        given:
        def site = api.website(UUID.randomUUID().toString(), 'Acme & Co')
        def keen = member(site, Role.ROLE_AGENT)
        def off = member(site, Role.ROLE_AGENT, false)
        def viewer = member(site, Role.ROLE_VIEWER)
        def event = message(site)

        when: 'the event comes twice'
        publish(api.siteTopic(site), event.conversationId, event, event)

        then:
        within.eventually { assert api.mailbox.of(keen.email).size() == 1 }
        def mail = api.mailbox.of(keen.email).first()
        mail.subject == 'Cy Visitor left a message on Acme & Co'
        mail.header('Reply-To') == 'cy@example.com'
        mail.text.contains('Cy Visitor (cy@example.com) left a message on Acme & Co while nobody was online.')
        mail.text.contains('> Call me back, please')
        mail.text.contains('Reply to this mail to answer cy@example.com.')
        mail.text.contains("https://chat.example.test/inbox/open/$event.conversationId")
        mail.text.contains('You get this mail because you answer chats for Acme & Co.')
        mail.header('List-Unsubscribe') =~ '^<https://chat.example.test/v1/notifications/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$'
        api.mailbox.of(off.email).isEmpty()
        api.mailbox.of(viewer.email).isEmpty()
        within.eventually {
            assert api.sql('SELECT recipient_agent_id, kind, status FROM notification WHERE event_id = ?', [event.eventId]) ==
                    [[recipient_agent_id: keen.id, kind: 'offline_message', status: 'delivered']]
        }
    }

    def 'markup in the visitor\'s name and message is shown as text, never run'() {
        given:
        def site = api.website(UUID.randomUUID().toString(), 'Acme', 'de')
        def keen = member(site, Role.ROLE_ADMIN)
        def event = message(site, [name: '<img src=x onerror=alert(1)>', body: 'Hi <img src=x onerror=alert(2)>\nsecond line'])

        when:
        publish(api.siteTopic(site), event.conversationId, event)

        then:
        within.eventually { assert api.mailbox.of(keen.email).size() == 1 }
        def mail = api.mailbox.of(keen.email).first()
        mail.subject == '<img src=x onerror=alert(1)> hat eine Nachricht auf Acme hinterlassen'
        !mail.html.contains('<img')
        mail.html.contains('&lt;img src=x onerror=alert(1)&gt;')
        mail.html.contains('Hi &lt;img src=x onerror=alert(2)&gt;<br>second line')
        mail.text.contains('> Hi <img src=x onerror=alert(2)>')
    }

    def 'a message in a group\'s thread goes to that group\'s members only'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def inGroup = member(site, Role.ROLE_AGENT)
        def outside = member(site, Role.ROLE_AGENT)
        def group = UUID.randomUUID().toString()
        publish(api.websitesTopic, site, envelope('group.changed', site).setGroupChanged(GroupChanged.newBuilder()
                .setWebsiteId(site).setGroupId(group).setName('Sales').addMemberAgentIds(inGroup.id)).build())
        within.eventually { assert api.sql('SELECT agent_id FROM group_member WHERE group_id = ?', [group]) == [[agent_id: inGroup.id]] }
        def event = message(site, [group: group])

        when:
        publish(api.siteTopic(site), event.conversationId, event)

        then:
        within.eventually { assert api.mailbox.of(inGroup.email).size() == 1 }
        api.sql('SELECT recipient_agent_id FROM notification WHERE event_id = ?', [event.eventId]) == [[recipient_agent_id: inGroup.id]]
        api.mailbox.of(outside.email).isEmpty()
    }

    def 'a chat message is no offline message: nothing is mailed'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def keen = member(site, Role.ROLE_AGENT)
        def chat = message(site, [offline: false])
        def marker = message(site)

        when:
        publish(api.siteTopic(site), site, chat, marker)

        then:
        within.eventually { assert api.mailbox.of(keen.email).size() == 1 }
        api.sql('SELECT count(*) AS n FROM notification WHERE event_id = ?', [chat.eventId])[0].n == 0
    }
}
