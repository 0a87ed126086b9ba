package dev.zendo.conversations.transcript;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A thread's transcript request as stored.
 *
 * @param threadId    the thread whose transcript is mailed
 * @param email       where it goes
 * @param language    the language of the mail
 * @param status      {@code pending} until the thread ends, then {@code sent} (handed to the mail service)
 * @param requestedAt when it was last asked for
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TranscriptRequestView(UUID threadId, String email, String language,
                                    @Schema(allowableValues = {"pending", "sent"}) String status, Instant requestedAt) {
}
