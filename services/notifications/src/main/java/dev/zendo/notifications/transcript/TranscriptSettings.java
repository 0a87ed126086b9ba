package dev.zendo.notifications.transcript;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where transcripts visitors asked for come from.
 *
 * @param topic the topic conversations writes {@code TranscriptRequested} to; only this service reads it
 */
@Context
@ConfigurationProperties("zendo.notifications.transcripts")
public record TranscriptSettings(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,249}", message = "must be a Kafka topic name")
        @Bindable(defaultValue = "zendo.transcripts") String topic) {
}
