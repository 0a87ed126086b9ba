package dev.zendo.websites.website;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** Websites (tenants) and their settings. */
@Controller("/v1/websites")
@Tag(name = "Websites")
@SecurityRequirement(name = "bearer")
class WebsiteController {

    private final WebsiteService websites;
    private final RateLimiter limiter;
    private final RateLimit creations;

    WebsiteController(WebsiteService websites, RateLimiter limiter, @Named("website-creation") RateLimit creations) {
        this.websites = websites;
        this.limiter = limiter;
        this.creations = creations;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create a website; you become its owner. The answer shows the secret key, once.",
            description = "Creations are limited per agent (429 with Retry-After), and an agent owns a limited number of websites "
                    + "(409 too_many_websites; those in the trash count until purged).")
    WebsiteView create(@Parameter(hidden = true) AuthenticatedAgent agent, @Valid @Body CreateWebsiteRequest request) {
        limiter.acquire(creations, agent.id());
        return websites.create(agent, request);
    }

    @Get
    @Operation(summary = "List the websites you are a member of; deleted=true lists those in the trash")
    List<WebsiteView> list(@Parameter(hidden = true) AuthenticatedAgent agent, @Parameter(required = false, description = "true lists the websites in the trash") @QueryValue(defaultValue = "false") boolean deleted) {
        return websites.listMine(agent, deleted);
    }

    @Get("/{websiteId}")
    @Operation(summary = "Get a website and its widget settings")
    WebsiteView get(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        return websites.get(agent, websiteId);
    }

    @Patch("/{websiteId}")
    @Operation(summary = "Change a website's name, domains, allowed origins or widget settings (replaced as a whole)")
    WebsiteView update(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, @Valid @Body UpdateWebsiteRequest request) {
        return websites.update(agent, websiteId, request);
    }

    @Delete("/{websiteId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Move a website to the trash; it can be restored until it is purged")
    void delete(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        websites.delete(agent, websiteId);
    }

    @Post("/{websiteId}/restore")
    @Operation(summary = "Take a website out of the trash")
    WebsiteView restore(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        return websites.restore(agent, websiteId);
    }
}
