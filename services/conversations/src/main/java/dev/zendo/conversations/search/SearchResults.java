package dev.zendo.conversations.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * A page of search results, best first.
 *
 * @param items      the hits
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResults(List<SearchHit> items, @Nullable String nextCursor) {
}
