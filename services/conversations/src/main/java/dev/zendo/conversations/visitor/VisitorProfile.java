package dev.zendo.conversations.visitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What agents see of a visitor.
 *
 * @param id             the visitor (the canonical one, when the id asked for was merged into it)
 * @param label          its readable label, e.g. "Brave Otter 42"
 * @param name           its name
 * @param email          its email
 * @param phone          its phone
 * @param verified       whether the host site's backend vouched for it (identity verification)
 * @param userId         the host site's user id, for a verified visitor
 * @param claims         what it said about itself without proof
 * @param attributes     custom attributes set by the widget or the server API
 * @param userAgent      its browser's user agent
 * @param clientIp       its address as last seen
 * @param locale         its locale
 * @param conversationId its conversation with the website, when it has one
 * @param createdAt      when it first came
 * @param lastSeenAt     when it was last seen
 * @param pageViews      its latest page views, newest first, at most 50
 * @param threads        its support sessions, newest first, at most 50
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitorProfile(UUID id, String label, @Nullable String name, @Nullable String email, @Nullable String phone,
                             boolean verified, @Nullable String userId, @Nullable VisitorClaims claims,
                             @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
                             Map<String, Object> attributes,
                             @Nullable String userAgent, @Nullable String clientIp, @Nullable String locale,
                             @Nullable UUID conversationId, Instant createdAt, Instant lastSeenAt,
                             List<PageViewItem> pageViews, List<PastThread> threads) {
}
