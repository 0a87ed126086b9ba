package dev.zendo.websites.canned;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.events.v1.CannedResponseChanged;
import dev.zendo.platform.http.ApiException;
import dev.zendo.websites.WebsitesSettings;
import dev.zendo.websites.access.Permission;
import dev.zendo.websites.access.WebsiteAccess;
import dev.zendo.websites.events.EventPublisher;
import dev.zendo.websites.website.WebsiteRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A website's canned responses: searched by shortcut prefix while typing, managed by supervisors and up. */
@Singleton
class CannedResponseService {

    private static final UUID NONE = new UUID(0, 0);

    private final CannedResponseRepository responses;
    private final WebsiteRepository websites;
    private final WebsiteAccess access;
    private final EventPublisher events;
    private final WebsitesSettings settings;
    private final Clock clock;

    CannedResponseService(CannedResponseRepository responses, WebsiteRepository websites, WebsiteAccess access,
                          EventPublisher events, WebsitesSettings settings, Clock clock) {
        this.responses = responses;
        this.websites = websites;
        this.access = access;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<CannedResponseView> search(AuthenticatedAgent agent, UUID websiteId, String prefix, int limit) {
        access.require(agent, websiteId, Permission.VIEW_CANNED_RESPONSES);
        String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return responses.findByPrefix(websiteId, escaped, limit).stream().map(CannedResponseView::of).toList();
    }

    @Transactional(readOnly = true)
    CannedResponseView get(AuthenticatedAgent agent, UUID websiteId, UUID id) {
        access.require(agent, websiteId, Permission.VIEW_CANNED_RESPONSES);
        return CannedResponseView.of(find(websiteId, id));
    }

    @Transactional
    CannedResponseView create(AuthenticatedAgent agent, UUID websiteId, CreateCannedResponseRequest request) {
        access.require(agent, websiteId, Permission.MANAGE_CANNED_RESPONSES);
        websites.lock(websiteId);
        if (responses.countByWebsiteId(websiteId) >= settings.maxCannedResponses()) {
            throw ApiException.conflict("too_many_canned_responses",
                    "A website can have at most " + settings.maxCannedResponses() + " canned responses.");
        }
        requireFreeShortcut(websiteId, request.shortcut(), NONE);
        Instant now = clock.instant();
        CannedResponse response = responses.save(new CannedResponse(UUID.randomUUID(), websiteId, request.shortcut(),
                request.text(), agent.id(), now, now));
        publish(response, agent.id(), false);
        return CannedResponseView.of(response);
    }

    @Transactional
    CannedResponseView update(AuthenticatedAgent agent, UUID websiteId, UUID id, UpdateCannedResponseRequest request) {
        access.require(agent, websiteId, Permission.MANAGE_CANNED_RESPONSES);
        websites.lock(websiteId);
        CannedResponse current = find(websiteId, id);
        String shortcut = request.shortcut() == null ? current.shortcut() : request.shortcut();
        requireFreeShortcut(websiteId, shortcut, id);
        CannedResponse updated = responses.update(current.with(shortcut,
                request.text() == null ? current.text() : request.text(), clock.instant()));
        publish(updated, agent.id(), false);
        return CannedResponseView.of(updated);
    }

    @Transactional
    void delete(AuthenticatedAgent agent, UUID websiteId, UUID id) {
        access.require(agent, websiteId, Permission.MANAGE_CANNED_RESPONSES);
        websites.lock(websiteId);
        CannedResponse response = find(websiteId, id);
        responses.delete(response);
        publish(response, agent.id(), true);
    }

    private CannedResponse find(UUID websiteId, UUID id) {
        return responses.findByIdAndWebsiteId(id, websiteId).orElseThrow(() -> ApiException.notFound("Canned response"));
    }

    private void requireFreeShortcut(UUID websiteId, String shortcut, UUID exceptId) {
        if (responses.shortcutTaken(websiteId, shortcut, exceptId)) {
            throw ApiException.conflict("shortcut_taken", "Another canned response of this website uses the shortcut " + shortcut + ".");
        }
    }

    private void publish(CannedResponse response, String actorAgentId, boolean deleted) {
        events.toServicesAndAgents(response.websiteId(), actorAgentId, event -> event.setCannedResponseChanged(CannedResponseChanged.newBuilder()
                .setWebsiteId(response.websiteId().toString())
                .setCannedResponseId(response.id().toString())
                .setShortcut(response.shortcut())
                .setText(response.text())
                .setDeleted(deleted)));
    }
}
