package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A widget starting or resuming its session on a page.
 *
 * @param publicKey    the website's public key ({@code pk_…})
 * @param visitorToken the visitor token this browser got before, to resume that visitor
 * @param page         the page the widget is on
 * @param locale       the browser's language, a BCP 47 tag
 * @param user         a user the host site vouches for (identity verification)
 * @param preChat      what the visitor filled in before the first message
 * @param firstMessage a first message, sent in the same request
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SessionRequest(
        @NotBlank @Size(max = 100) String publicKey,
        @Nullable @Size(min = 1, max = 4096) String visitorToken,
        @NotNull @Valid PageViewRequest page,
        @Nullable @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}", message = "must be a BCP 47 language tag like en or pt-BR") String locale,
        @Nullable @Valid UserRequest user,
        @Nullable @Valid PreChatRequest preChat,
        @Nullable @Valid SendMessageRequest firstMessage) {
}
