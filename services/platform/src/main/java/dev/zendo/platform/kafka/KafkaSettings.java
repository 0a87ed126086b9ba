package dev.zendo.platform.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * How a service reaches Kafka and how the topics it creates are shaped.
 *
 * @param bootstrapServers  host:port[,host:port…]
 * @param replicationFactor replication of topics this service creates
 * @param partitions        partitions of topics this service creates
 */
@Context
@ConfigurationProperties("zendo.kafka")
public record KafkaSettings(
        @NotBlank @Pattern(regexp = "[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*", message = "must be host:port[,host:port…]") String bootstrapServers,
        @Min(1) @Max(32) short replicationFactor,
        @Min(1) @Max(1024) int partitions) {
}
