package dev.zendo.platform.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;
import java.util.Set;

/**
 * How a service reaches Kafka and how the topics it creates are shaped.
 *
 * @param bootstrapServers  host:port[,host:port…]
 * @param replicationFactor replication of topics this service creates
 * @param partitions        partitions of topics this service creates
 * @param siteRetention     how long a website topic ({@code zendo.site.<id>}) keeps events: the replay window of reconnecting clients
 * @param retainedTopics    topics kept forever ({@code retention.ms=-1}) because consumers rebuild their replicas by
 *                          replaying them from the start: the lifecycle topics {@code zendo.websites} and {@code zendo.identity}
 */
@Context
@ConfigurationProperties("zendo.kafka")
public record KafkaSettings(
        @NotBlank @Pattern(regexp = "[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*", message = "must be host:port[,host:port…]") String bootstrapServers,
        @Min(1) @Max(32) short replicationFactor,
        @Min(1) @Max(1024) int partitions,
        @NotNull @Bindable(defaultValue = "7d") Duration siteRetention,
        @NotNull @Bindable(defaultValue = "zendo.websites,zendo.identity") Set<@NotBlank String> retainedTopics) {

    /** Topics named with this prefix belong to one website each. */
    public static final String SITE_TOPIC_PREFIX = "zendo.site.";

    /** Where the realtime edges publish clients' commands (read cursors) for conversations. */
    public static final String COMMANDS_TOPIC = "zendo.realtime.commands";

    public KafkaSettings {
        if (siteRetention != null && (siteRetention.isNegative() || siteRetention.isZero())) {
            throw new IllegalArgumentException("zendo.kafka.site-retention must be positive, not " + siteRetention);
        }
    }
}
