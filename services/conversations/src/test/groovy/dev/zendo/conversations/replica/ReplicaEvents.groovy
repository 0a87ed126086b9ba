package dev.zendo.conversations.replica

import com.google.protobuf.ByteString
import dev.zendo.events.v1.AgentDisabled
import dev.zendo.events.v1.AgentRegistered
import dev.zendo.events.v1.AgentUpdated
import dev.zendo.events.v1.CannedResponseChanged
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.GroupChanged
import dev.zendo.events.v1.InvitationCreated
import dev.zendo.events.v1.KeyKind
import dev.zendo.events.v1.KeyRotated
import dev.zendo.events.v1.MemberAdded
import dev.zendo.events.v1.MemberRemoved
import dev.zendo.events.v1.MemberRoleChanged
import dev.zendo.events.v1.Role
import dev.zendo.events.v1.RoutingStrategy
import dev.zendo.events.v1.WebsiteCreated
import dev.zendo.events.v1.WebsiteDeleted
import dev.zendo.events.v1.WebsiteRestored
import dev.zendo.events.v1.WebsiteUpdated
import dev.zendo.events.v1.WidgetSettings
import dev.zendo.outbox.Events
import dev.zendo.platform.crypto.Sha256

import java.time.Instant

/** The events websites and identity publish, as the specs feed them to the replica. */
final class ReplicaEvents {

    private ReplicaEvents() {
    }

    /** A website as websites creates it: public key {@code pk_<id>} (id {@code pkid-<id>}), secret key {@code sk_<id>}, default group {@code group}. */
    static Envelope created(String w, String group = UUID.randomUUID().toString(), String name = 'Shop') {
        website(w) {
            it.setWebsiteCreated(WebsiteCreated.newBuilder().setWebsiteId(w).setName(name).setOwnerAgentId('owner-' + w)
                    .addDomains('shop.example').addAllowedOrigins('shop.example')
                    .setPublicKey("pk_$w").setPublicKeyId("pkid-$w").setSecretKeyId("skid-$w")
                    .setSecretKeySha256(ByteString.copyFrom(Sha256.of("sk_$w")))
                    .setWidget(WidgetSettings.newBuilder().setColor('#123').setPosition('right').setGreeting('Hi'))
                    .setDefaultGroupId(group))
        }
    }

    static Envelope updated(String w, String name, List<String> origins, String color) {
        website(w) {
            it.setWebsiteUpdated(WebsiteUpdated.newBuilder().setWebsiteId(w).setName(name).addDomains('shop.example')
                    .addAllAllowedOrigins(origins).setWidget(WidgetSettings.newBuilder().setColor(color).setPosition('left')))
        }
    }

    static Envelope deleted(String w) {
        website(w) { it.setWebsiteDeleted(WebsiteDeleted.newBuilder().setWebsiteId(w).setPurgeAfter(Events.timestamp(Instant.now().plusSeconds(86400)))) }
    }

    static Envelope restored(String w) {
        website(w) { it.setWebsiteRestored(WebsiteRestored.newBuilder().setWebsiteId(w)) }
    }

    static Envelope memberAdded(String w, String agent, Role role, int max = 5, boolean accepting = true) {
        website(w) {
            it.setMemberAdded(MemberAdded.newBuilder().setWebsiteId(w).setAgentId(agent).setRole(role)
                    .setMaxConcurrentChats(max).setAcceptingChats(accepting))
        }
    }

    static Envelope roleChanged(String w, String agent, Role from, Role to, int max = 5, boolean accepting = true) {
        website(w) {
            it.setMemberRoleChanged(MemberRoleChanged.newBuilder().setWebsiteId(w).setAgentId(agent).setOldRole(from)
                    .setNewRole(to).setMaxConcurrentChats(max).setAcceptingChats(accepting))
        }
    }

    static Envelope memberRemoved(String w, String agent) {
        website(w) { it.setMemberRemoved(MemberRemoved.newBuilder().setWebsiteId(w).setAgentId(agent)) }
    }

    /** A rotation to public key {@code key} (id {@code keyId}); the previous key works until {@code overlapUntil}. */
    static Envelope publicKeyRotated(String w, String keyId, String key, String previousKeyId, Instant overlapUntil) {
        website(w) {
            it.setKeyRotated(KeyRotated.newBuilder().setWebsiteId(w).setKind(KeyKind.KEY_KIND_PUBLIC).setKeyId(keyId)
                    .setPublicKey(key).setPreviousKeyId(previousKeyId).setOverlapUntil(Events.timestamp(overlapUntil)))
        }
    }

    /** A rotation to secret key {@code key} (id {@code keyId}), carried only as its SHA-256. */
    static Envelope secretKeyRotated(String w, String keyId, String key, String previousKeyId, Instant overlapUntil) {
        website(w) {
            it.setKeyRotated(KeyRotated.newBuilder().setWebsiteId(w).setKind(KeyKind.KEY_KIND_SECRET).setKeyId(keyId)
                    .setSecretKeySha256(ByteString.copyFrom(Sha256.of(key))).setPreviousKeyId(previousKeyId)
                    .setOverlapUntil(Events.timestamp(overlapUntil)))
        }
    }

    static Envelope keyRevoked(String w, String keyId, KeyKind kind) {
        website(w) { it.setKeyRotated(KeyRotated.newBuilder().setWebsiteId(w).setKind(kind).setKeyId(keyId).setRevoked(true)) }
    }

    static Envelope group(String w, String group, String name, RoutingStrategy routing, boolean isDefault, List<String> members, boolean deleted = false) {
        website(w) {
            it.setGroupChanged(GroupChanged.newBuilder().setWebsiteId(w).setGroupId(group).setName(name).setRouting(routing)
                    .setIsDefault(isDefault).addAllMemberAgentIds(members).setDeleted(deleted))
        }
    }

    static Envelope invitation(String w) {
        website(w) { it.setInvitationCreated(InvitationCreated.newBuilder().setWebsiteId(w).setInvitationId(UUID.randomUUID().toString()).setInviteeEmail('a@example.com')) }
    }

    static Envelope canned(String w) {
        website(w) { it.setCannedResponseChanged(CannedResponseChanged.newBuilder().setWebsiteId(w).setCannedResponseId(UUID.randomUUID().toString()).setShortcut('hi').setText('Hello')) }
    }

    static Envelope agentRegistered(String agent, String name) {
        Events.build(Events.envelope().setAgentRegistered(AgentRegistered.newBuilder().setAgentId(agent).setEmail("$agent@example.com").setName(name)))
    }

    static Envelope agentUpdated(String agent, String name, String avatar) {
        Events.build(Events.envelope().setAgentUpdated(AgentUpdated.newBuilder().setAgentId(agent).setEmail("$agent@example.com").setName(name).setAvatarUrl(avatar)))
    }

    static Envelope agentDisabled(String agent) {
        Events.build(Events.envelope().setAgentDisabled(AgentDisabled.newBuilder().setAgentId(agent)))
    }

    private static Envelope website(String w, Closure payload) {
        def envelope = Events.envelope().setWebsiteId(w)
        payload(envelope)
        Events.build(envelope)
    }
}
