package dev.zendo.notifications.webhook

import com.sun.net.httpserver.HttpServer
import dev.zendo.testsupport.RepoRoot
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.time.Instant
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicLong

/**
 * Not a spec (surefire runs only *Spec classes): the measurement bench/webhooks/run.sh makes with -Dtest. How many
 * deliveries per second one notifications instance sustains, with its default delivery settings (8 workers), to a
 * receiver on loopback that answers 204 at once: end to end (events produced to the website's topic, consumed by the
 * inbox, queued and delivered) and from a backlog already queued (the dispatcher alone). Writes the figures to
 * target/webhook-bench.txt and bench/reports/webhooks.md.
 */
class WebhookThroughputBench extends Specification {

    static final int EVENTS = Integer.getInteger('bench.webhooks.events', 5000)
    static final int CONVERSATIONS = Integer.getInteger('bench.webhooks.conversations', 200)

    @Shared
    @AutoCleanup
    WebhooksApi api = new WebhooksApi(['zendo.notifications.webhooks.poll-interval': '1s'])

    @Shared
    AtomicLong received = new AtomicLong()

    @Shared
    Set<String> ids = ConcurrentHashMap.newKeySet()

    @Shared
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200)

    def setupSpec() {
        receiver.executor = Executors.newFixedThreadPool(8)
        receiver.createContext('/') { exchange ->
            exchange.requestBody.readAllBytes()
            ids << exchange.requestHeaders.getFirst('Zendo-Event-Id')
            received.incrementAndGet()
            exchange.sendResponseHeaders(204, -1)
            exchange.close()
        }
        receiver.start()
    }

    def cleanupSpec() {
        receiver.stop(0)
    }

    def 'deliveries per second of one instance'() {
        given:
        def url = "http://127.0.0.1:$receiver.address.port/hooks"
        warmUp(url)

        when: 'end to end: events produced to the topic, consumed, queued and delivered'
        def site = api.site()
        api.webhook(site, url, ['message.created'])
        def events = (1..EVENTS).collect { n -> api.message(site, conversation(n), (n - 1).intdiv(CONVERSATIONS) + 1) }
        ids.clear()
        long started = System.nanoTime()
        api.publish(site, events)
        WebhooksApi.within(600).eventually { assert ids.containsAll(events*.eventId) }
        double endToEnd = EVENTS / ((System.nanoTime() - started) / 1e9)

        and: 'from a backlog: the same number of deliveries queued at once, then the subscription switched on'
        def backlogSite = api.site()
        def hook = api.webhook(backlogSite, url, ['message.created'])
        api.call('PATCH', "/v1/websites/$backlogSite.id/webhooks/$hook.id", backlogSite.owner.token, [active: false])
        queueBacklog(backlogSite, UUID.fromString(hook.id as String))
        long before = received.get()
        started = System.nanoTime()
        api.call('PATCH', "/v1/websites/$backlogSite.id/webhooks/$hook.id", backlogSite.owner.token, [active: true])
        WebhooksApi.within(600).eventually { assert received.get() - before >= EVENTS }
        double backlog = EVENTS / ((System.nanoTime() - started) / 1e9)

        then:
        report(endToEnd, backlog)
    }

    private void warmUp(String url) {
        def site = api.site()
        api.webhook(site, url, ['message.created'])
        def events = (1..500).collect { api.message(site, conversation(it), 1) }
        api.publish(site, events)
        WebhooksApi.within(120).eventually { assert ids.containsAll(events*.eventId) }
    }

    /** Deliveries queued as the inbox queues them, straight into the tables. */
    private void queueBacklog(WebhooksApi.Site site, UUID subscription) {
        def body = '{"id":"x","type":"message.created","created_at":"2026-11-30T21:00:00Z","website_id":"' + site.id +
                '","data":{"body":"' + 'x' * 200 + '"}}'
        api.sql("""
            WITH events AS (
                INSERT INTO webhook_events (event_id, website_id, event_type, body)
                SELECT gen_random_uuid(), ?, 'message.created', ? FROM generate_series(1, ?) RETURNING event_id)
            INSERT INTO webhook_deliveries (id, subscription_id, event_id, ordering_key, status, next_attempt_at, created_at)
            SELECT gen_random_uuid(), ?, event_id, 'conversation:' || (abs(hashtext(event_id::text)) % ?), 'pending', now(), now()
            FROM events""", [site.id, body, EVENTS, subscription, CONVERSATIONS])
    }

    private static UUID conversation(int n) {
        new UUID(42L, n % CONVERSATIONS)
    }

    private static boolean report(double endToEnd, double backlog) {
        String cores = Runtime.runtime.availableProcessors()
        def lines = [
                String.format('from a backlog (dispatcher alone): %.0f deliveries/s', backlog),
                String.format('end to end (Kafka, inbox, dispatcher): %.0f deliveries/s', endToEnd),
        ]
        def root = RepoRoot.get()
        Files.writeString(root.resolve('services/notifications/target/webhook-bench.txt'), lines.join('\n') + '\n')
        Files.writeString(root.resolve('bench/reports/webhooks.md'), """# Webhook deliveries per second, one instance

Measured ${Instant.now().toString().take(16)}Z on $cores cores with `bench/webhooks/run.sh` ($EVENTS events over $CONVERSATIONS
conversations, after a warm-up of 500): one notifications instance with its default delivery settings (8 workers,
`WEBHOOK_CONCURRENCY`; a 1 s poll, woken by the inbox and by each finished attempt) on the specs' local PostgreSQL (run
with `fsync=off`) and Kafka, delivering to a receiver on loopback in the same JVM (JDK HttpServer, 8 threads, 204 at
once). Everything shares these cores, and the machine is shared with other work: compare figures of one run.

| path | deliveries/s |
| --- | --: |
| end to end: produced to the website's topic, consumed by the inbox, queued, delivered | ${String.format('%.0f', endToEnd)} |
| from a backlog already queued: the dispatcher alone | ${String.format('%.0f', backlog)} |

Each delivery is one claimed row (claimed in batches of free workers), one signed POST, and one transaction recording
the attempt and the outcome. Order per conversation holds throughout: a conversation's next event is claimed only after
its previous one was delivered.
""")
        true
    }
}
