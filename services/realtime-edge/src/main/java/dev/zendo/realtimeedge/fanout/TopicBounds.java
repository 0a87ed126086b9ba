package dev.zendo.realtimeedge.fanout;

import org.apache.kafka.common.TopicPartition;

import java.util.List;

/**
 * What the broker said of a website topic: its partitions in partition order, and per partition the first offset it
 * still holds and its end offset.
 *
 * @param partitions the topic's partitions, partition 0 first
 * @param starts     per partition, the log start offset
 * @param ends       per partition, the offset the next record will get
 */
public record TopicBounds(List<TopicPartition> partitions, long[] starts, long[] ends) {

    /** Whether every offset lies within what its partition still holds (from its log start to its end). */
    boolean retains(long[] offsets) {
        if (offsets.length != partitions.size()) {
            return false;
        }
        for (int p = 0; p < offsets.length; p++) {
            if (offsets[p] < starts[p] || offsets[p] > ends[p]) {
                return false;
            }
        }
        return true;
    }
}
