package dev.zendo.realtimeedge.fanout;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A website whose topic the node reads because at least one local client subscribed to it: its partitions, the
 * position the node has processed up to in each, and its subscriptions. Site feed thread only.
 */
final class Site {

    final UUID id;
    final String topic;
    final List<TopicPartition> partitions;
    final long[] processed;
    private final ArrayList<Subscription> subscriptions = new ArrayList<>();

    Site(UUID id, String topic, List<TopicPartition> partitions) {
        this.id = id;
        this.topic = topic;
        this.partitions = partitions;
        this.processed = new long[partitions.size()];
    }

    List<Subscription> subscriptions() {
        return subscriptions;
    }

    void add(Subscription subscription) {
        subscription.index = subscriptions.size();
        subscriptions.add(subscription);
    }

    /** Removes in constant time: the last subscription takes the removed one's place. */
    void remove(Subscription subscription) {
        int last = subscriptions.size() - 1;
        Subscription moved = subscriptions.remove(last);
        if (moved != subscription) {
            moved.index = subscription.index;
            subscriptions.set(subscription.index, moved);
        }
    }

    /** The cursor of what the node has processed. */
    String cursor() {
        return Cursor.encode(processed);
    }
}
