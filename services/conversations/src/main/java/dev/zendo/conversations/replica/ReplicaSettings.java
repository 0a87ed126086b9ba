package dev.zendo.conversations.replica;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where the replicas of other services' state come from.
 *
 * @param websitesTopic the websites service's lifecycle topic (websites, keys, members, groups)
 * @param identityTopic the identity service's lifecycle topic (agents' names, avatars, disabled state)
 */
@Context
@ConfigurationProperties("zendo.conversations.replica")
public record ReplicaSettings(
        @NotBlank @Pattern(regexp = TOPIC, message = "must be a Kafka topic name") @Bindable(defaultValue = "zendo.websites") String websitesTopic,
        @NotBlank @Pattern(regexp = TOPIC, message = "must be a Kafka topic name") @Bindable(defaultValue = "zendo.identity") String identityTopic) {

    private static final String TOPIC = "[A-Za-z0-9._-]{1,249}";
}
