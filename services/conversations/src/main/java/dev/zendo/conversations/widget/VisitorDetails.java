package dev.zendo.conversations.widget;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Objects;

/**
 * Stores what a visitor says about itself (pre-chat form, profile changes, offline messages): name, phone and custom
 * attributes as given, an email only as an unverified claim. A change is announced to agents with {@code VisitorUpdated}.
 */
@Singleton
class VisitorDetails {

    private final VisitorStore store;
    private final VisitorEvents events;
    private final CustomAttributes attributes;

    VisitorDetails(VisitorStore store, VisitorEvents events, CustomAttributes attributes) {
        this.store = store;
        this.events = events;
        this.attributes = attributes;
    }

    /**
     * Applies the given details (null leaves a field as it is), in the caller's transaction if there is one, and returns the visitor as
     * stored; {@code attributesField} names the attributes in errors.
     */
    @Transactional
    public VisitorRow change(VisitorRow visitor, String name, String email, String phone, Map<String, Object> changes, String attributesField) {
        String json = changes == null ? visitor.attributesJson() : attributes.apply(visitor.attributesJson(), changes, attributesField);
        VisitorRow changed = visitor.withDetails(name != null ? name : visitor.name(), email != null ? email : visitor.claimedEmail(),
                phone != null ? phone : visitor.phone(), json);
        if (Objects.equals(changed.name(), visitor.name()) && Objects.equals(changed.claimedEmail(), visitor.claimedEmail())
                && Objects.equals(changed.phone(), visitor.phone()) && (changes == null || sameJson(json, visitor.attributesJson()))) {
            return visitor;
        }
        VisitorRow stored = store.save(changed);
        events.updated(stored, VisitorEvents.actor(stored.id()));
        return stored;
    }

    private boolean sameJson(String a, String b) {
        return attributes.apply(a, Map.of(), "attributes").equals(attributes.apply(b, Map.of(), "attributes"));
    }
}
