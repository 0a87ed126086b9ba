package dev.zendo.conversations.search;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.access.AgentMembership;
import dev.zendo.conversations.access.ConversationAccess;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.platform.http.ApiError;
import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Full-text search of a website's messages and visitors. */
@Controller("/v1/inbox/{websiteId}/search")
@Tag(name = "Search")
@SecurityRequirement(name = "bearer")
class SearchController {

    private final SearchService search;
    private final ConversationAccess access;
    private final RateLimiter limiter;
    private final RateLimit perAgent;

    SearchController(SearchService search, ConversationAccess access, RateLimiter limiter, @Named("search") RateLimit perAgent) {
        this.search = search;
        this.access = access;
        this.limiter = limiter;
        this.perAgent = perAgent;
    }

    @Get
    @Operation(operationId = "search", summary = "Search messages (notes included) and visitors' names, emails and labels, best first",
            description = "q is a web-search query (words, \"quoted phrases\", or, -excluded). Agents find only what their lists "
                    + "show them: the queue and conversations they have or had.")
    @ApiResponse(responseCode = "200", description = "A page of hits, best first")
    @ApiResponse(responseCode = "400", description = "invalid_request: q is blank or longer than 200 characters, limit out of range, or cursor not one this search returned",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no valid agent access token",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website among yours",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "too_many_requests: too many searches; try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    SearchResults search(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                         @Parameter(description = "what to look for, at most 200 characters") @QueryValue @NotBlank @Size(max = 200) String q,
                         @Parameter(required = false, description = "next_cursor of the previous page")
                         @QueryValue @Nullable @Pattern(regexp = "[A-Za-z0-9_-]{1,200}", message = "is not a cursor this search returned") String cursor,
                         @Parameter(required = false, description = "most hits returned")
                         @QueryValue(defaultValue = "20") @Min(1) @Max(SearchService.MAX_LIMIT) int limit) {
        AgentMembership member = access.require(agent, websiteId, ConversationPermission.SEARCH);
        limiter.acquire(perAgent, member.agentId());
        return search.search(member, q, cursor, limit);
    }
}
