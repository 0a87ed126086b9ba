package dev.zendo.realtimeedge.fanout;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.zendo.events.v1.Envelope;
import dev.zendo.platform.kafka.KafkaSettings;
import dev.zendo.realtimeedge.auth.Credentials;
import dev.zendo.realtimeedge.config.RealtimeSettings;
import dev.zendo.realtimeedge.connection.CloseCode;
import dev.zendo.realtimeedge.connection.Connection;
import dev.zendo.realtimeedge.connection.Frames;
import dev.zendo.realtimeedge.connection.WireFrame;
import dev.zendo.realtimeedge.metrics.EdgeMetrics;
import io.micronaut.context.annotation.Context;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.WriteBufferWaterMark;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The node's one Kafka consumer of the website topics and the fan-out to local subscribers (docs/protocol.md; design
 * "Fan-out"). A thread of its own owns the consumer and every subscription: clients' subscribe, unsubscribe and ping
 * arrive as commands on a queue the poll loop drains between polls, so nothing Kafka-related runs on an event loop and the state
 * needs no locks. The broker calls a subscribe needs (topic creation, partitions, offsets) go to {@link TopicLookups}
 * and their answers come back as commands, so the loop never waits on them; a failed lookup answers {@code error}
 * {@code unavailable}. Partitions of {@code zendo.site.<id>} are assigned manually while at least one local client is
 * subscribed to the website, with no consumer group. Each record is encoded once, as wire bytes ({@link WireFrame}), and
 * the same buffer is written to every recipient; the frames go to each event loop in batches ({@link LoopWrites}), each
 * channel flushed once per batch. A live subscriber whose channel stops being writable is closed 4408; a replaying one, or one that has not yet drained what its replay queued, pauses until its client
 * has read what is queued.
 */
@Context
public class SiteFeed {

    private static final Logger LOG = LoggerFactory.getLogger(SiteFeed.class);
    /** How long a poll waits for records; commands wait at most this long, so no consumer wakeup is ever needed. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicLookups lookups;
    private final ConversationBook book;
    private final EdgeMetrics metrics;
    private final String nodeId;
    private final long heartbeatNanos;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Map<UUID, Site> sites = new HashMap<>();
    private final Map<String, Site> byTopic = new HashMap<>();
    private final LoopWrites writes = new LoopWrites();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int subscriptionCount;
    private volatile int siteCount;
    private volatile long lag;
    private long nextHeartbeat;

    SiteFeed(KafkaSettings kafka, TopicLookups lookups, ConversationBook book, EdgeMetrics metrics, RealtimeSettings settings) {
        this.lookups = lookups;
        this.book = book;
        this.metrics = metrics;
        this.nodeId = settings.nodeId();
        this.heartbeatNanos = settings.heartbeatInterval().toNanos();
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "realtime-edge-" + nodeId,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        metrics.gauge("zendo.realtime.subscriptions", "Subscriptions held on this node", () -> subscriptionCount);
        metrics.gauge("zendo.realtime.websites", "Websites whose topic this node reads", () -> siteCount);
        metrics.gauge("zendo.realtime.consumer.lag", "Records of the website topics not yet read by this node", () -> lag);
        this.thread = new Thread(this::run, "edge-site-feed");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** {@code connection} subscribes to a website, from {@code cursor} when not null; answers {@code subscribed}. */
    public void subscribe(Connection connection, UUID websiteId, String cursor, String ref) {
        submit(() -> doSubscribe(connection, websiteId, cursor, ref));
    }

    /** Ends {@code connection}'s subscription to a website; answers {@code unsubscribed} (or {@code not_subscribed} when asked and absent). */
    public void unsubscribe(Connection connection, UUID websiteId, String ref, boolean asked) {
        submit(() -> {
            Subscription held = find(connection, websiteId);
            if (held == null) {
                if (asked) {
                    connection.channel().writeAndFlush(Frames.error("not_subscribed", "Not subscribed to this website.", ref));
                }
                return;
            }
            drop(held);
            connection.channel().writeAndFlush(Frames.frame("unsubscribed", json -> json.writeStringField("website_id", websiteId.toString())));
        });
    }

    /** Drops every subscription of a closed connection. */
    public void closed(Connection connection) {
        submit(() -> {
            for (Subscription held : held(connection)) {
                drop(held);
            }
        });
    }

    /** Answers {@code ping} with {@code pong} and the cursors of the connection's websites. */
    public void pong(Connection connection, String ref) {
        submit(() -> {
            Map<String, String> cursors = new LinkedHashMap<>();
            for (Subscription held : held(connection)) {
                cursors.put(held.site.id.toString(), held.site.cursor());
            }
            connection.channel().writeAndFlush(Frames.frame("pong", json -> {
                if (ref != null) {
                    json.writeStringField("ref", ref);
                }
                Frames.cursors(json, "cursors", cursors);
            }));
        });
    }

    /** The number of subscriptions a connection holds (read by the sweep; may lag a command behind). */
    public static int subscriptionsOf(Connection connection) {
        return connection.subscriptions() instanceof Subscription[] held ? held.length : 0;
    }

    private void submit(Runnable command) {
        commands.add(command);
    }

    private void run() {
        nextHeartbeat = System.nanoTime() + heartbeatNanos;
        while (running) {
            try {
                step();
            } catch (WakeupException | InterruptException e) {
                LOG.debug("the site feed stops");
            } catch (RuntimeException e) {
                LOG.error("The site feed failed a step: {}", e.toString(), e);
            }
        }
        Thread.interrupted();
        consumer.close(Duration.ofSeconds(1));
    }

    private void step() {
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
        if (byTopic.isEmpty()) {
            try {
                command = commands.poll(heartbeatNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return;
            }
            if (command != null) {
                command.run();
            }
        } else {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            for (TopicPartition partition : records.partitions()) {
                Site site = byTopic.get(partition.topic());
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (site != null) {
                        deliver(site, record);
                    }
                }
            }
        }
        if (System.nanoTime() - nextHeartbeat >= 0) {
            heartbeat();
            nextHeartbeat = System.nanoTime() + heartbeatNanos;
        }
        flush();
    }

    private void deliver(Site site, ConsumerRecord<String, byte[]> record) {
        int partition = record.partition();
        long offset = record.offset();
        site.processed[partition] = offset + 1;
        if (record.value() == null) {
            return;
        }
        Envelope event;
        try {
            event = Envelope.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            LOG.warn("Skipped an unreadable record at {}-{}@{}", record.topic(), partition, offset);
            return;
        }
        learn(site, event);
        String type = EventFrames.type(event);
        if (type == null) {
            return;
        }
        ByteBuf frame = null;
        int delivered = 0;
        try {
            for (Subscription subscription : site.subscriptions()) {
                if (subscription.paused || offset < subscription.next[partition]) {
                    continue;
                }
                subscription.next[partition] = offset + 1;
                Connection connection = subscription.connection;
                Credentials credentials = connection.credentials();
                boolean replayed = subscription.replays(partition, offset);
                if ((event.getEphemeral() && replayed) || connection.closing()
                        || credentials == null || !Audience.admits(credentials, nodeId, connection.id(), site.id, event)) {
                    continue;
                }
                if (frame == null) {
                    frame = WireFrame.of(EventFrames.encode(event, type, site.cursor()));
                }
                write(connection, frame.retainedDuplicate(), subscription, replayed);
                delivered++;
            }
        } finally {
            if (frame != null) {
                frame.release();
            }
        }
        if (delivered > 0) {
            metrics.framesOut(delivered);
            metrics.delivered(System.currentTimeMillis() - EventFrames.occurredAt(event).toEpochMilli(), delivered);
        }
    }

    private void learn(Site site, Envelope event) {
        if (!event.hasConversationId()) {
            return;
        }
        try {
            UUID visitorId = event.hasVisitorId() ? UUID.fromString(event.getVisitorId()) : null;
            book.learn(site.id, UUID.fromString(event.getConversationId()), visitorId, event.hasAccess() ? event.getAccess() : null);
        } catch (IllegalArgumentException e) {
            LOG.debug("event {} names a malformed conversation or visitor id", event.getEventId());
        }
    }

    /**
     * Writes a frame. When the channel's outbound buffer passes the high-water mark, a subscription still catching up
     * (replaying, or live since its replay while its queue has not yet come down to the low-water mark) pauses: it reads on from
     * its own offsets once the client has drained the buffer. A live client that had caught up is too slow and is
     * closed 4408.
     */
    private void write(Connection connection, ByteBuf frame, Subscription subscription, boolean replayed) {
        writes.add(connection, frame);
        if (connection.channel().isWritable() || !connection.channel().isActive()) {
            if (!replayed && subscription.catchingUp && drained(connection.channel())) {
                subscription.catchingUp = false;
            }
            return;
        }
        if (replayed || subscription.catchingUp) {
            subscription.paused = true;
        } else if (connection.close(CloseCode.TOO_SLOW)) {
            metrics.slowConsumer();
            LOG.info("Closed connection {} ({}) as too slow: its outbound buffer passed the high-water mark", connection.id(),
                    connection.credentials() == null ? "unauthenticated" : connection.credentials().subject());
        }
    }

    /** Whether what the channel has queued is down to its low-water mark: a client keeping up, not one just below the top. */
    private static boolean drained(Channel channel) {
        WriteBufferWaterMark marks = channel.config().getWriteBufferWaterMark();
        return marks.high() - channel.bytesBeforeUnwritable() <= marks.low();
    }

    /** The connection drained its outbound buffer: its paused replays go on from where they stopped. */
    public void writable(Connection connection) {
        submit(() -> {
            for (Subscription held : held(connection)) {
                if (held.paused) {
                    held.paused = false;
                    rewind(held.site, held.next);
                }
            }
        });
    }

    private void flush() {
        writes.submit();
    }

    private void heartbeat() {
        long total = 0;
        for (Site site : sites.values()) {
            ByteBuf frame = WireFrame.of(Frames.frame("heartbeat", json -> Frames.cursors(json, "cursors", Map.of(site.id.toString(), site.cursor()))));
            try {
                for (Subscription subscription : site.subscriptions()) {
                    Connection connection = subscription.connection;
                    if (!subscription.paused && !connection.closing() && connection.channel().isWritable()) {
                        writes.add(connection, frame.retainedDuplicate());
                    }
                }
            } finally {
                frame.release();
            }
            for (TopicPartition partition : site.partitions) {
                total += consumer.currentLag(partition).orElse(0);
            }
        }
        lag = total;
    }

    /**
     * Subscribes at once to a website the node reads already when no cursor needs checking; otherwise asks the broker
     * off this thread and finishes when the answer comes back through the command queue.
     */
    private void doSubscribe(Connection connection, UUID websiteId, String cursor, String ref) {
        if (gone(connection)) {
            return;
        }
        Site site = sites.get(websiteId);
        if (site != null && cursor == null) {
            attach(connection, site, null, ref, null);
            return;
        }
        lookups.bounds(KafkaSettings.SITE_TOPIC_PREFIX + websiteId).whenComplete((bounds, failure) -> submit(() -> {
            if (failure != null) {
                LOG.warn("Could not look up the topic of website {} for a subscribe: {}", websiteId, failure.toString());
                connection.channel().writeAndFlush(Frames.error("unavailable",
                        "The website's events cannot be read right now; subscribe again later.", ref));
                return;
            }
            if (!gone(connection)) {
                Site open = sites.get(websiteId);
                attach(connection, open == null ? open(websiteId, bounds) : open, cursor, ref, bounds);
            }
        }));
    }

    private static boolean gone(Connection connection) {
        return connection.closing() || !connection.channel().isActive();
    }

    /** Adds the subscription (replacing the connection's previous one to the website) and answers {@code subscribed}. */
    private void attach(Connection connection, Site site, String cursor, String ref, TopicBounds bounds) {
        Subscription previous = find(connection, site.id);
        if (previous != null) {
            site.remove(previous);
            release(connection, previous);
        }
        long[] live = site.processed.clone();
        long[] next = live.clone();
        boolean resync = false;
        if (cursor != null) {
            Optional<long[]> asked = Cursor.decode(cursor, site.partitions.size()).filter(bounds::retains);
            if (asked.isPresent()) {
                next = asked.get();
                rewind(site, next);
            } else {
                resync = true;
            }
        }
        Subscription subscription = new Subscription(connection, site, next, live);
        site.add(subscription);
        hold(connection, subscription);
        String start = Cursor.encode(next);
        writes.add(connection, Frames.frame("subscribed", json -> {
            json.writeStringField("website_id", site.id.toString());
            if (ref != null) {
                json.writeStringField("ref", ref);
            }
            json.writeStringField("cursor", start);
        }));
        if (resync) {
            writes.add(connection, Frames.frame("resync", json -> {
                json.writeStringField("website_id", site.id.toString());
                json.writeStringField("cursor", start);
            }));
        }
    }

    /** Seeks partitions back to a returning subscriber's offsets where the node has read past them. */
    private void rewind(Site site, long[] next) {
        for (TopicPartition partition : site.partitions) {
            int p = partition.partition();
            if (next[p] < site.processed[p]) {
                consumer.seek(partition, next[p]);
                site.processed[p] = next[p];
            }
        }
    }

    /** Starts reading a website's topic at the end offsets the broker gave. */
    private Site open(UUID websiteId, TopicBounds bounds) {
        String topic = KafkaSettings.SITE_TOPIC_PREFIX + websiteId;
        Site site = new Site(websiteId, topic, bounds.partitions());
        sites.put(websiteId, site);
        byTopic.put(topic, site);
        reassign();
        for (TopicPartition partition : site.partitions) {
            consumer.seek(partition, bounds.ends()[partition.partition()]);
            site.processed[partition.partition()] = bounds.ends()[partition.partition()];
        }
        return site;
    }

    private void drop(Subscription subscription) {
        Site site = subscription.site;
        site.remove(subscription);
        release(subscription.connection, subscription);
        if (site.subscriptions().isEmpty()) {
            sites.remove(site.id);
            byTopic.remove(site.topic);
            reassign();
        }
    }

    private void reassign() {
        siteCount = sites.size();
        List<TopicPartition> all = new ArrayList<>();
        for (Site site : sites.values()) {
            all.addAll(site.partitions);
        }
        consumer.assign(all);
    }

    private Subscription find(Connection connection, UUID websiteId) {
        for (Subscription held : held(connection)) {
            if (held.site.id.equals(websiteId)) {
                return held;
            }
        }
        return null;
    }

    private static Subscription[] held(Connection connection) {
        return connection.subscriptions() instanceof Subscription[] held ? held : new Subscription[0];
    }

    private void hold(Connection connection, Subscription subscription) {
        Subscription[] held = held(connection);
        Subscription[] more = Arrays.copyOf(held, held.length + 1);
        more[held.length] = subscription;
        connection.subscriptions(more);
        subscriptionCount++;
    }

    private void release(Connection connection, Subscription subscription) {
        Subscription[] held = held(connection);
        connection.subscriptions(held.length == 1 ? null
                : Arrays.stream(held).filter(other -> other != subscription).toArray(Subscription[]::new));
        subscriptionCount--;
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.interrupt();
        thread.join(Duration.ofSeconds(5).toMillis());
    }
}
