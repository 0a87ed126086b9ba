package dev.zendo.outbox

import com.google.protobuf.InvalidProtocolBufferException
import org.apache.kafka.common.errors.ClusterAuthorizationException
import org.apache.kafka.common.errors.NetworkException
import org.apache.kafka.common.errors.NotLeaderOrFollowerException
import org.apache.kafka.common.errors.RecordTooLargeException
import org.apache.kafka.common.errors.TimeoutException
import org.apache.kafka.common.errors.TopicAuthorizationException
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException
import spock.lang.Specification

/** Only errors no retry can cure park a row at once; the others are retried with backoff up to the attempt limit. */
class FailuresSpec extends Specification {

    def '#error.class.simpleName is permanent: #permanent'() {
        expect:
        Failures.permanent(error) == permanent

        where:
        error                                                                                   || permanent
        new RecordTooLargeException('too large')                                                || true
        new TopicAuthorizationException(['t'] as Set)                                           || true
        new ClusterAuthorizationException('no')                                                 || true
        new InvalidProtocolBufferException('garbled')                                           || true
        new IllegalStateException('cannot create t', new TopicAuthorizationException('no'))    || true
        new TimeoutException('Expiring 1 record(s)')                                            || false
        new NetworkException('broker gone')                                                     || false
        new NotLeaderOrFollowerException('moving')                                              || false
        new UnknownTopicOrPartitionException('deleted')                                         || false
    }
}
