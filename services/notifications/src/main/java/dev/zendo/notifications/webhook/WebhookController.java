package dev.zendo.notifications.webhook;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.notifications.access.Membership;
import dev.zendo.notifications.access.Permission;
import dev.zendo.notifications.access.WebsiteAccess;
import dev.zendo.platform.http.ApiError;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** A website's webhook subscriptions, for its owners and admins. */
@Controller("/v1/websites/{websiteId}/webhooks")
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "400", description = "invalid_request: a parameter or field is invalid",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "401", description = "unauthorized: no valid agent access token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "403", description = "forbidden: only owners and admins manage webhooks",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "404", description = "not_found: no such website among yours, or no such webhook in it",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class WebhookController {

    private final Webhooks webhooks;
    private final WebsiteAccess access;

    WebhookController(Webhooks webhooks, WebsiteAccess access) {
        this.webhooks = webhooks;
        this.access = access;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to the website's events; the signing secret is shown only in this answer",
            description = "The URL must be https and must not resolve to a loopback, private, link-local or otherwise internal address.")
    @ApiResponse(responseCode = "201", description = "The subscription, with its signing secret, once")
    @ApiResponse(responseCode = "409", description = "too_many_webhooks: the website has as many subscriptions as it may",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    HttpResponse<CreatedWebhook> create(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                                        @Valid @Body CreateWebhookRequest request) {
        Membership member = access.require(agent, websiteId, Permission.MANAGE_WEBHOOKS);
        return HttpResponse.created(webhooks.create(websiteId, member.agentId(), request))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get
    @Operation(operationId = "listWebhooks", summary = "The website's subscriptions, oldest first: secret hints only")
    @ApiResponse(responseCode = "200", description = "The subscriptions")
    List<WebhookView> list(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        access.require(agent, websiteId, Permission.MANAGE_WEBHOOKS);
        return webhooks.list(websiteId);
    }

    @Get("/{webhookId}")
    @Operation(operationId = "getWebhook", summary = "One subscription: secret hint only")
    @ApiResponse(responseCode = "200", description = "The subscription")
    WebhookView get(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID webhookId) {
        access.require(agent, websiteId, Permission.MANAGE_WEBHOOKS);
        return webhooks.get(websiteId, webhookId);
    }

    @Patch("/{webhookId}")
    @Operation(operationId = "updateWebhook", summary = "Change a subscription's URL, event types, description or active flag",
            description = "Fields left out keep their value. Setting active to true resumes a subscription disabled after failures.")
    @ApiResponse(responseCode = "200", description = "The subscription after the change")
    WebhookView update(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID webhookId,
                       @Valid @Body UpdateWebhookRequest request) {
        access.require(agent, websiteId, Permission.MANAGE_WEBHOOKS);
        return webhooks.update(websiteId, webhookId, request);
    }

    @Delete("/{webhookId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription with its pending deliveries and its delivery log")
    @ApiResponse(responseCode = "204", description = "Deleted")
    void delete(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID webhookId) {
        access.require(agent, websiteId, Permission.MANAGE_WEBHOOKS);
        webhooks.delete(websiteId, webhookId);
    }

    @Post("/{webhookId}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Give the subscription a new signing secret, shown only in this answer",
            description = "Deliveries are signed with the new secret from now on, retries of earlier events included.")
    @ApiResponse(responseCode = "200", description = "The new secret, once")
    HttpResponse<RotatedSecret> rotateSecret(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID webhookId) {
        access.require(agent, websiteId, Permission.MANAGE_WEBHOOKS);
        return HttpResponse.ok(webhooks.rotateSecret(websiteId, webhookId)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
