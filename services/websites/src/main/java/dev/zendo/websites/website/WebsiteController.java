package dev.zendo.websites.website;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.platform.kafka.TopicProvisioner;
import dev.zendo.websites.events.EventPublisher;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/** Websites (tenants) and their settings. */
@Controller("/v1/websites")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Websites")
@SecurityRequirement(name = "bearer")
class WebsiteController {

    private static final Logger LOG = LoggerFactory.getLogger(WebsiteController.class);

    private final WebsiteService websites;
    private final TopicProvisioner topics;

    WebsiteController(WebsiteService websites, TopicProvisioner topics) {
        this.websites = websites;
        this.topics = topics;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create a website; you become its owner. The answer shows the secret key, once.")
    WebsiteView create(@Parameter(hidden = true) AuthenticatedAgent agent, @Valid @Body CreateWebsiteRequest request) {
        WebsiteView created = websites.create(agent, request);
        provisionTopic(created.id());
        return created;
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

    /** Creates the website's topic now rather than on its first event; the relay creates it anyway if this fails. */
    private void provisionTopic(UUID websiteId) {
        try {
            topics.ensure(EventPublisher.siteTopic(websiteId));
        } catch (TopicProvisioner.TopicProvisioningException e) {
            LOG.warn("{}; the outbox relay creates it before publishing", e.getMessage());
        }
    }
}
