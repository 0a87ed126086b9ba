package dev.zendo.conversations.routing;

import dev.zendo.platform.time.Pause;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.UUID;

/**
 * Subscribes to the edges' presence announcements and drains a website's queues as soon as one of its agents comes
 * online. Missed announcements (a broken connection) are caught up by the sweep.
 */
@Singleton
class PresenceListener implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceListener.class);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final JedisPooled redis;
    private final DrainRequests drains;
    private final JedisPubSub subscription = new JedisPubSub() {
        @Override
        public void onMessage(String channel, String message) {
            received(message);
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (!running) {
                unsubscribe();
            }
        }
    };

    private volatile boolean running;
    private Thread listening;

    PresenceListener(JedisPooled redis, DrainRequests drains) {
        this.redis = redis;
        this.drains = drains;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        running = true;
        listening = new Thread(this::listen, "routing-presence");
        listening.setDaemon(true);
        listening.start();
    }

    private void listen() {
        while (running) {
            try {
                redis.subscribe(subscription, Presence.CHANNEL);
            } catch (JedisException e) {
                if (running) {
                    LOG.warn("routing: presence announcements unavailable ({}); retrying, the sweep covers the gap", e.getMessage());
                    Pause.upTo(RECONNECT_PAUSE, () -> running);
                }
            }
        }
    }

    private void received(String message) {
        String[] parts = message.split(" ", 3);
        if (parts.length == 3 && "ONLINE".equals(parts[1])) {
            try {
                drains.request(UUID.fromString(parts[0]));
            } catch (IllegalArgumentException e) {
                LOG.debug("routing: ignored a presence announcement with a bad website id");
            }
        }
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (subscription.isSubscribed()) {
            subscription.unsubscribe();
        }
        if (listening != null) {
            listening.join(Duration.ofSeconds(2).toMillis());
        }
    }
}
