package dev.zendo.conversations.widget;

import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.VisitorCreated;
import dev.zendo.events.v1.VisitorMerged;
import dev.zendo.events.v1.VisitorUpdated;
import jakarta.inject.Singleton;

import java.util.Objects;
import java.util.UUID;

/**
 * Tells the website's agents (never visitors) about visitors: created, details changed, merged. The email shown is the
 * verified one, or else the one the visitor gave (agents tell them apart by {@code external_id}).
 */
@Singleton
class VisitorEvents {

    private final SiteEvents events;

    VisitorEvents(SiteEvents events) {
        this.events = events;
    }

    void created(VisitorRow visitor) {
        events.toAgents(visitor.websiteId(), null, visitor.id(), actor(visitor.id()), e -> e.setVisitorCreated(VisitorCreated.newBuilder()
                .setVisitorId(visitor.id().toString())
                .setLabel(visitor.label())
                .setName(text(visitor.name()))
                .setEmail(text(shownEmail(visitor)))
                .setExternalId(text(visitor.externalId()))
                .setPhone(text(visitor.phone()))
                .setAttributesJson(visitor.attributesJson())));
    }

    void updated(VisitorRow visitor, Actor by) {
        events.toAgents(visitor.websiteId(), null, visitor.id(), by, e -> e.setVisitorUpdated(VisitorUpdated.newBuilder()
                .setVisitorId(visitor.id().toString())
                .setLabel(visitor.label())
                .setName(text(visitor.name()))
                .setEmail(text(shownEmail(visitor)))
                .setExternalId(text(visitor.externalId()))
                .setPhone(text(visitor.phone()))
                .setAttributesJson(visitor.attributesJson())));
    }

    void merged(UUID websiteId, UUID source, UUID target, UUID conversationId, UUID sourceConversationId) {
        events.toAgents(websiteId, conversationId, target, actor(target), e -> e.setVisitorMerged(VisitorMerged.newBuilder()
                .setSourceVisitorId(source.toString())
                .setTargetVisitorId(target.toString())
                .setConversationId(Objects.toString(conversationId, ""))
                .setSourceConversationId(Objects.toString(sourceConversationId, ""))));
    }

    /** The visitor as the actor of what it did. */
    static Actor actor(UUID visitorId) {
        return Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(visitorId.toString()).build();
    }

    private static String shownEmail(VisitorRow visitor) {
        return visitor.email() != null ? visitor.email() : visitor.claimedEmail();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
