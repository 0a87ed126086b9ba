package dev.zendo.bench.load;

import redis.clients.jedis.Jedis;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/** Publishes each event as a Zendo-shaped {@code message:new} frame on a Redis channel, which the socket.io peer fans out. */
final class RedisInjector implements Injector {

    private final Jedis jedis;
    private final String channel;
    private final String websiteId = UUID.randomUUID().toString();
    private final String conversationId = UUID.randomUUID().toString();
    private final LongAdder failures = new LongAdder();

    RedisInjector(URI redis, String channel) {
        this.jedis = new Jedis(redis);
        this.channel = channel;
    }

    @Override
    public void send(Payload payload) {
        if (jedis.publish(channel, EventFrame.messageNew(websiteId, conversationId, payload)) < 1) {
            failures.increment();
        }
    }

    @Override
    public long failures() {
        return failures.sum();
    }

    @Override
    public void close() {
        jedis.close();
    }
}
