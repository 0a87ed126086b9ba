package dev.zendo.conversations.replica

import dev.zendo.events.v1.KeyKind
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.time.Duration
import java.time.Instant

import static dev.zendo.conversations.replica.ReplicaEvents.*
import static dev.zendo.events.v1.Role.ROLE_AGENT
import static dev.zendo.events.v1.Role.ROLE_OWNER
import static dev.zendo.events.v1.RoutingStrategy.ROUTING_STRATEGY_ROUND_ROBIN
import static dev.zendo.events.v1.RoutingStrategy.ROUTING_STRATEGY_STICKY

/** The replica's read side: which keys admit a website, and the members and groups of live websites. */
class SiteDirectorySpec extends ReplicaSpecification {

    static final Instant SOON = Instant.now().plus(Duration.ofHours(1))
    static final Instant PAST = Instant.now().minus(Duration.ofMinutes(1))

    @Shared
    Map<String, String> topics = newTopics()

    @Shared
    @AutoCleanup
    ApplicationContext context = start(topics)

    @Shared
    SiteDirectory sites = context.getBean(SiteDirectory)

    def 'a #state #kind key #outcome'() {
        given:
        def w = UUID.randomUUID().toString()
        def events = [created(w)] + history.call(w)
        publish(topics.websites, events)
        awaitProcessed(context, events)

        when:
        def found = kind == 'public' ? sites.byPublicKey(key.call(w) as String).map { it.id() } : sites.websiteForSecretKey(key.call(w) as String)

        then:
        found == (works ? Optional.of(UUID.fromString(w)) : Optional.empty())

        where:
        kind     | state                        | history                                                                                                   | key                || works
        'public' | 'current'                    | { String s -> [] }                                                                                        | { "pk_$it" }       || true
        'public' | 'new current'                | { String s -> [publicKeyRotated(s, "k2-$s", "pk_2_$s", "pkid-$s", SOON)] }                              | { "pk_2_$it" }     || true
        'public' | 'previous, within overlap,'  | { String s -> [publicKeyRotated(s, "k2-$s", "pk_2_$s", "pkid-$s", SOON)] }                              | { "pk_$it" }       || true
        'public' | 'previous, after overlap,'   | { String s -> [publicKeyRotated(s, "k2-$s", "pk_2_$s", "pkid-$s", PAST)] }                              | { "pk_$it" }       || false
        'public' | 'revoked'                    | { String s -> [publicKeyRotated(s, "k2-$s", "pk_2_$s", "pkid-$s", SOON), keyRevoked(s, "pkid-$s", KeyKind.KEY_KIND_PUBLIC)] } | { "pk_$it" } || false
        'public' | "deleted website's"          | { String s -> [deleted(s)] }                                                                              | { "pk_$it" }       || false
        'public' | "restored website's"         | { String s -> [deleted(s), restored(s)] }                                                                 | { "pk_$it" }       || true
        'public' | 'unknown'                    | { String s -> [] }                                                                                        | { "pk_other_$it" } || false
        'public' | "secret key used as a"       | { String s -> [] }                                                                                        | { "sk_$it" }       || false
        'secret' | 'current'                    | { String s -> [] }                                                                                        | { "sk_$it" }       || true
        'secret' | 'new current'                | { String s -> [secretKeyRotated(s, "s2-$s", "sk_2_$s", "skid-$s", SOON)] }                              | { "sk_2_$it" }     || true
        'secret' | 'previous, within overlap,'  | { String s -> [secretKeyRotated(s, "s2-$s", "sk_2_$s", "skid-$s", SOON)] }                              | { "sk_$it" }       || true
        'secret' | 'previous, after overlap,'   | { String s -> [secretKeyRotated(s, "s2-$s", "sk_2_$s", "skid-$s", PAST)] }                              | { "sk_$it" }       || false
        'secret' | 'revoked'                    | { String s -> [secretKeyRotated(s, "s2-$s", "sk_2_$s", "skid-$s", SOON), keyRevoked(s, "skid-$s", KeyKind.KEY_KIND_SECRET)] } | { "sk_$it" } || false
        'secret' | "deleted website's"          | { String s -> [deleted(s)] }                                                                              | { "sk_$it" }       || false
        'secret' | 'unknown'                    | { String s -> [] }                                                                                        | { "sk_other_$it" } || false
        'secret' | 'public key used as a'       | { String s -> [] }                                                                                        | { "pk_$it" }       || false

        outcome = works ? 'admits its website' : 'admits nothing'
    }

    def 'a site carries its name, allowed origins, widget settings and default group'() {
        given:
        def w = UUID.randomUUID().toString()
        def g = UUID.randomUUID().toString()
        def events = [created(w, g), updated(w, 'Renamed', ['a.example', 'b.example'], '#abc')]
        publish(topics.websites, events)
        awaitProcessed(context, events)

        when:
        def site = sites.byPublicKey("pk_$w").get()

        then:
        site.id() == UUID.fromString(w)
        site.name() == 'Renamed'
        site.allowedOrigins() == ['a.example', 'b.example']
        site.widget().color == '#abc'
        site.widget().position == 'left'
        site.defaultGroupId() == UUID.fromString(g)
        sites.find(UUID.fromString(w)) == Optional.of(site)
    }

    def 'members come with their agents\' profiles; groups with their members; nothing of a deleted website'() {
        given:
        def w = UUID.randomUUID().toString()
        def website = UUID.fromString(w)
        def general = UUID.randomUUID().toString()
        def sales = UUID.randomUUID().toString()
        def ana = "ana-$w".toString()
        def bo = "bo-$w".toString()
        publish(topics.identity, [agentRegistered(ana, 'Ana'), agentUpdated(ana, 'Ana Lima', 'https://x.example/ana.png'), agentDisabled(bo)])
        def events = [created(w, general), memberAdded(w, ana, ROLE_OWNER, 4, true), memberAdded(w, bo, ROLE_AGENT, 2, false),
                      group(w, general, 'General', ROUTING_STRATEGY_ROUND_ROBIN, true, [bo, ana]),
                      group(w, sales, 'Sales', ROUTING_STRATEGY_STICKY, false, [])]
        publish(topics.websites, events)
        awaitProcessed(context, events)
        def members = context.getBean(MemberDirectory)
        def groups = context.getBean(GroupDirectory)

        expect:
        within(30).eventually {
            assert members.members(website) == [
                    new Member(website, ana, dev.zendo.conversations.access.Role.OWNER, 4, true, 'Ana Lima', 'https://x.example/ana.png', false),
                    new Member(website, bo, dev.zendo.conversations.access.Role.AGENT, 2, false, null, null, true)]
        }
        members.find(website, bo).get().disabled()
        members.find(website, 'nobody').empty
        groups.defaultGroup(website).get() == new Group(UUID.fromString(general), website, 'General', Routing.ROUND_ROBIN, true, [ana, bo].sort())
        groups.find(website, UUID.fromString(sales)).get().memberAgentIds() == []
        groups.find(UUID.randomUUID(), UUID.fromString(sales)).empty

        when:
        def deletion = [deleted(w)]
        publish(topics.websites, deletion)
        awaitProcessed(context, deletion)

        then:
        members.members(website).empty
        members.find(website, ana).empty
        groups.defaultGroup(website).empty
        sites.find(website).empty
    }
}
