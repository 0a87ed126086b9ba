package dev.zendo.conversations.agent;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * The whole set of tags a conversation should have; tags not named are taken off.
 *
 * @param tagIds at most 20 of the website's tags (repeats count once); empty takes every tag off
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SetTagsRequest(@NotNull @Size(max = ConversationTagging.MAX_TAGS) List<@NotNull UUID> tagIds) {
}
