package dev.zendo.conversations.access

import dev.zendo.auth.agent.AuthenticatedAgent
import dev.zendo.conversations.replica.ReplicaSpecification
import dev.zendo.platform.http.ApiException
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpStatus
import spock.lang.AutoCleanup
import spock.lang.Shared

import static dev.zendo.conversations.access.ConversationPermission.*
import static dev.zendo.conversations.replica.ReplicaEvents.*
import static dev.zendo.events.v1.Role.ROLE_ADMIN
import static dev.zendo.events.v1.Role.ROLE_AGENT
import static dev.zendo.events.v1.Role.ROLE_OWNER
import static dev.zendo.events.v1.Role.ROLE_SUPERVISOR
import static dev.zendo.events.v1.Role.ROLE_VIEWER

/** ConversationAccess applies the conversation permission matrix to the replicated members, like websites' WebsiteAccess. */
class ConversationAccessSpec extends ReplicaSpecification {

    @Shared
    Map<String, String> topics = newTopics()

    @Shared
    @AutoCleanup
    ApplicationContext context = start(topics)

    @Shared
    ConversationAccess access = context.getBean(ConversationAccess)

    @Shared
    String live = UUID.randomUUID().toString()

    @Shared
    String gone = UUID.randomUUID().toString()

    def setupSpec() {
        def events = [created(live), memberAdded(live, 'owner', ROLE_OWNER), memberAdded(live, 'admin', ROLE_ADMIN),
                      memberAdded(live, 'supervisor', ROLE_SUPERVISOR), memberAdded(live, 'agent', ROLE_AGENT),
                      memberAdded(live, 'viewer', ROLE_VIEWER), memberAdded(live, 'disabled', ROLE_OWNER),
                      created(gone), memberAdded(gone, 'owner', ROLE_OWNER), deleted(gone)]
        publish(topics.websites, events)
        publish(topics.identity, [agentDisabled('disabled')])
        awaitProcessed(context, events)
        within(30).eventually {
            assert rows(context, "SELECT disabled FROM replica_agents WHERE agent_id = 'disabled'") == [[true]]
        }
    }

    def 'a(n) #role may #permission'() {
        expect:
        access.require(agent(role.value()), UUID.fromString(live), permission) == new AgentMembership(UUID.fromString(live), role.value(), role)

        where:
        [role, permission] << [Role.values(), ConversationPermission.values()].combinations().findAll { Role r, ConversationPermission p -> expected(r, p) }
    }

    def 'a(n) #role is refused #permission with 403'() {
        when:
        access.require(agent(role.value()), UUID.fromString(live), permission)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.FORBIDDEN
        e.message.contains("(${role.value()})")

        where:
        [role, permission] << [Role.values(), ConversationPermission.values()].combinations().findAll { Role r, ConversationPermission p -> !expected(r, p) }
    }

    def '#caller gets 404 for #permission'() {
        when:
        access.require(agent(agentId), UUID.fromString(websiteOf.call(live, gone) as String), permission)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.NOT_FOUND

        where:
        [caller, agentId, websiteOf, permission] << [
                [['a non-member', 'stranger', { l, g -> l }],
                 ['a member of a deleted website', 'owner', { l, g -> g }],
                 ['a caller of a website that does not exist', 'owner', { l, g -> UUID.randomUUID().toString() }],
                 ['a disabled agent', 'disabled', { l, g -> l }]],
                ConversationPermission.values()].combinations().collect { List row, ConversationPermission p -> row + [p] }
    }

    /** The matrix of docs/permissions.md, section "Conversations", written out once more. */
    static boolean expected(Role role, ConversationPermission permission) {
        def everyone = Role.values() as Set
        def staff = [Role.OWNER, Role.ADMIN, Role.SUPERVISOR] as Set
        def writers = staff + [Role.AGENT]
        def table = [
                (VIEW_ALL_CONVERSATIONS): staff + [Role.VIEWER],
                (VIEW_OWN_AND_QUEUE)    : everyone,
                (REPLY)                 : writers,
                (WRITE_NOTES)           : writers,
                (ASSIGN_SELF)           : writers,
                (ASSIGN_OTHERS)         : staff,
                (CLOSE_REOPEN)          : writers,
                (MANAGE_TAG_DEFINITIONS): staff,
                (TAG_CONVERSATIONS)     : writers,
                (SEARCH)                : everyone,
                (VIEW_VISITORS)         : everyone,
                (VIEW_AGENT_STATS)      : staff,
                (MANAGE_IDENTITY_SECRET): [Role.OWNER, Role.ADMIN] as Set,
                (VIEW_AUDIT_LOG)        : [Role.OWNER, Role.ADMIN] as Set,
        ]
        table[permission].contains(role)
    }

    def 'the written-out matrix covers every permission, and viewers may only read'() {
        expect:
        ConversationPermission.values().every { p -> Role.values().any { expected(it, p) } }
        ConversationPermission.values().findAll { it.allows(Role.VIEWER) } as Set ==
                [VIEW_ALL_CONVERSATIONS, VIEW_OWN_AND_QUEUE, SEARCH, VIEW_VISITORS] as Set
    }

    private static AuthenticatedAgent agent(String id) {
        new AuthenticatedAgent(id, "$id@example.com", id, true)
    }
}
