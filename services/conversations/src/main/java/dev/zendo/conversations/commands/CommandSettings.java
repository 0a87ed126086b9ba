package dev.zendo.conversations.commands;

import dev.zendo.platform.kafka.KafkaSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where the realtime edge's commands come from.
 *
 * @param topic the topic the edge publishes clients' commands to (read cursors), consumed in this service's inbox group
 */
@Context
@ConfigurationProperties("zendo.conversations.commands")
public record CommandSettings(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,249}", message = "must be a Kafka topic name")
        @Bindable(defaultValue = KafkaSettings.COMMANDS_TOPIC) String topic) {
}
