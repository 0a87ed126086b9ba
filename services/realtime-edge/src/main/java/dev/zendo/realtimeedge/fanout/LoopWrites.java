package dev.zendo.realtimeedge.fanout;

import dev.zendo.realtimeedge.connection.Connection;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frames one step of the site feed writes, gathered per event loop: each loop gets one task that writes its
 * channels' frames in order and flushes each channel once. Writing from the feed thread straight to a channel would
 * hand its event loop a task per frame and another per flush; at thousands of sockets those tasks, not the frames,
 * were most of the edge's CPU time. A channel's frames keep the order they were added in, after anything the feed
 * thread wrote to it earlier.
 */
final class LoopWrites {

    private final Map<EventLoop, Batch> batches = new IdentityHashMap<>();

    /** Queues {@code frame} (whose reference this takes) for {@code connection}'s channel. */
    void add(Connection connection, TextWebSocketFrame frame) {
        Channel channel = connection.channel();
        batches.computeIfAbsent(channel.eventLoop(), loop -> new Batch()).add(channel, frame);
    }

    /** Hands every loop its frames; the feed starts gathering the next step's at once. */
    void submit() {
        for (Map.Entry<EventLoop, Batch> entry : batches.entrySet()) {
            entry.getKey().execute(entry.getValue()::run);
        }
        batches.clear();
    }

    /** One loop's frames for one step, in order, and the channels to flush after them. */
    private static final class Batch {

        private final List<Channel> channels = new ArrayList<>();
        private final List<TextWebSocketFrame> frames = new ArrayList<>();

        void add(Channel channel, TextWebSocketFrame frame) {
            channels.add(channel);
            frames.add(frame);
        }

        void run() {
            Set<Channel> written = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < frames.size(); i++) {
                Channel channel = channels.get(i);
                channel.write(frames.get(i));
                written.add(channel);
            }
            for (Channel channel : written) {
                channel.flush();
            }
        }
    }
}
