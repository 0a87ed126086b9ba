package dev.zendo.realtimeedge.fanout;

import dev.zendo.realtimeedge.connection.Connection;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The frames the site feed writes, handed to each event loop in batches: the loop writes its channels' frames in
 * order and flushes each channel once per batch. While a loop is still busy with earlier frames, the feed's later
 * ones join the batch it has not started yet, so under load more frames share one flush (one system call per socket)
 * and nothing waits when the loop is idle. Writing from the feed thread straight to a channel would hand its loop a
 * task per frame and another per flush. A channel's frames keep the order they were added in, after anything the
 * feed thread wrote to it earlier.
 * <p>
 * A channel is also flushed before a frame that would take its unflushed bytes past the high-water mark, so a burst
 * (a backlog the feed reads in one poll) goes to the socket in pieces and the channel turns unwritable only when the
 * socket itself stops taking bytes: the feed closes an unwritable live client as too slow, and a burst is not that.
 */
final class LoopWrites {

    private final Map<EventLoop, Batches> loops = new IdentityHashMap<>();

    /** Queues {@code message} (whose reference this takes) for {@code connection}'s channel; sent on {@link #submit()}. */
    void add(Connection connection, Object message) {
        Channel channel = connection.channel();
        loops.computeIfAbsent(channel.eventLoop(), Batches::new).add(channel, message);
    }

    /** Hands what this step added to the loops. */
    void submit() {
        for (Batches batches : loops.values()) {
            batches.submit();
        }
    }

    /** One loop's frames: those the feed is adding, and those handed over that the loop has not taken yet. */
    private static final class Batches {

        private final EventLoop loop;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private Batch adding = new Batch();
        private Batch handedOver = new Batch();

        Batches(EventLoop loop) {
            this.loop = loop;
        }

        /** Feed thread only. */
        void add(Channel channel, Object message) {
            adding.channels.add(channel);
            adding.messages.add(message);
        }

        /** Feed thread only. */
        void submit() {
            if (adding.messages.isEmpty()) {
                return;
            }
            synchronized (this) {
                handedOver.append(adding);
            }
            adding.clear();
            if (scheduled.compareAndSet(false, true)) {
                loop.execute(this::drain);
            }
        }

        /** On the loop. */
        private void drain() {
            scheduled.set(false);
            Batch batch;
            synchronized (this) {
                batch = handedOver;
                handedOver = new Batch();
            }
            batch.write();
        }
    }

    /** Frames in order, with the channel each goes to. */
    private static final class Batch {

        private final List<Channel> channels = new ArrayList<>();
        private final List<Object> messages = new ArrayList<>();

        void append(Batch other) {
            channels.addAll(other.channels);
            messages.addAll(other.messages);
        }

        void clear() {
            channels.clear();
            messages.clear();
        }

        void write() {
            Set<Channel> written = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < messages.size(); i++) {
                Channel channel = channels.get(i);
                Object message = messages.get(i);
                if (channel.bytesBeforeUnwritable() < channel.config().getMessageSizeEstimator().newHandle().size(message)) {
                    channel.flush();
                }
                channel.write(message);
                written.add(channel);
            }
            for (Channel channel : written) {
                channel.flush();
            }
        }
    }
}
