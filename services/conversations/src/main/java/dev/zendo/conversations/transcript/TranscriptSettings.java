package dev.zendo.conversations.transcript;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * Transcripts visitors ask for by email.
 *
 * @param topic       where {@code TranscriptRequested} goes: a topic only notifications reads, never a website topic
 * @param maxMessages the most messages one transcript carries (the latest ones)
 * @param maxBytes    the most UTF-8 bytes of message texts and names one transcript carries
 * @param afterClose  how long after its thread ended a transcript may still be asked for
 */
@Context
@ConfigurationProperties("zendo.conversations.transcripts")
public record TranscriptSettings(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,249}", message = "must be a Kafka topic name")
        @Bindable(defaultValue = "zendo.transcripts") String topic,
        @Bindable(defaultValue = "500") @Min(1) @Max(5_000) int maxMessages,
        @Bindable(defaultValue = "262144") @Min(10_000) @Max(900_000) int maxBytes,
        @NotNull @Bindable(defaultValue = "24h") Duration afterClose) {

    public TranscriptSettings {
        requireAtLeast("zendo.conversations.transcripts.after-close", afterClose, Duration.ofMinutes(1));
    }
}
