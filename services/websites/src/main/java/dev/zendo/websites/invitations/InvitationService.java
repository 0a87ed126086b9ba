package dev.zendo.websites.invitations;

import dev.zendo.outbox.Events;
import dev.zendo.platform.crypto.Sha256;
import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.events.v1.InvitationCreated;
import dev.zendo.platform.http.ApiException;
import dev.zendo.websites.WebsitesSettings;
import dev.zendo.websites.access.Permission;
import dev.zendo.websites.access.Role;
import dev.zendo.websites.access.WebsiteAccess;
import dev.zendo.websites.events.EventPublisher;
import dev.zendo.websites.keys.KeyMaterial;
import dev.zendo.websites.members.MemberRepository;
import dev.zendo.websites.members.MemberService;
import dev.zendo.websites.website.Website;
import dev.zendo.websites.website.WebsiteRepository;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Invitations by email and role: a random token, stored hashed, that an agent signed in with the invited email
 * accepts before it expires.
 */
@Singleton
class InvitationService {

    private static final String TOKEN_PREFIX = "inv_";

    private final InvitationRepository invitations;
    private final WebsiteRepository websites;
    private final MemberRepository members;
    private final MemberService memberships;
    private final WebsiteAccess access;
    private final EventPublisher events;
    private final WebsitesSettings settings;
    private final InvitationTokenSealer sealer;
    private final Clock clock;

    InvitationService(InvitationRepository invitations, WebsiteRepository websites, MemberRepository members,
                      MemberService memberships, WebsiteAccess access, EventPublisher events, WebsitesSettings settings,
                      InvitationTokenSealer sealer, Clock clock) {
        this.invitations = invitations;
        this.websites = websites;
        this.members = members;
        this.memberships = memberships;
        this.access = access;
        this.events = events;
        this.settings = settings;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * Invites an email. The answer carries the token once; the event the notifications service mails carries it
     * only sealed for that service.
     */
    @Transactional
    InvitationView invite(AuthenticatedAgent agent, UUID websiteId, CreateInvitationRequest request) {
        access.require(agent, websiteId, Permission.MANAGE_INVITATIONS);
        Role role = Role.parse(request.role());
        if (role == Role.OWNER) {
            access.require(agent, websiteId, Permission.MANAGE_OWNERS);
        }
        Website website = websites.lock(websiteId).orElseThrow();
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        if (members.existsByEmail(websiteId, email)) {
            throw ApiException.conflict("already_member", email + " is already a member of this website.");
        }
        Instant now = clock.instant();
        invitations.revokeOpen(websiteId, email, now);
        if (members.countByWebsiteId(websiteId) + invitations.findPending(websiteId, now).size() >= settings.maxMembers()) {
            throw ApiException.conflict("too_many_members", "This website has reached its limit of " + settings.maxMembers() + " members and invitations.");
        }
        String token = KeyMaterial.random(TOKEN_PREFIX);
        Invitation invitation = invitations.save(new Invitation(UUID.randomUUID(), websiteId, email, role,
                Sha256.of(token), agent.id(), now, now.plus(settings.invitationTtl()), null, null, null));
        events.toServices(websiteId, agent.id(), event -> event.setInvitationCreated(InvitationCreated.newBuilder()
                .setWebsiteId(websiteId.toString())
                .setInvitationId(invitation.id().toString())
                .setWebsiteName(website.name())
                .setInviterAgentId(agent.id())
                .setInviterName(nullToEmpty(agent.name()))
                .setInviterEmail(nullToEmpty(agent.email()))
                .setInviteeEmail(email)
                .setRole(role.toEvent())
                .setExpiresAt(Events.timestamp(invitation.expiresAt()))
                .setAcceptPathTemplate(settings.invitationAcceptPath())
                .setSealedToken(sealer.seal(token))));
        return InvitationView.of(invitation, token);
    }

    @Transactional(readOnly = true)
    List<InvitationView> listPending(AuthenticatedAgent agent, UUID websiteId) {
        access.require(agent, websiteId, Permission.MANAGE_INVITATIONS);
        return invitations.findPending(websiteId, clock.instant()).stream().map(invitation -> InvitationView.of(invitation, null)).toList();
    }

    @Transactional
    void revoke(AuthenticatedAgent agent, UUID websiteId, UUID invitationId) {
        access.require(agent, websiteId, Permission.MANAGE_INVITATIONS);
        Invitation invitation = invitations.findByIdAndWebsiteId(invitationId, websiteId)
                .filter(Invitation::pending)
                .orElseThrow(() -> ApiException.notFound("Invitation"));
        if (invitation.role() == Role.OWNER) {
            access.require(agent, websiteId, Permission.MANAGE_OWNERS);
        }
        invitations.update(invitation.revoked(clock.instant()));
    }

    /** Makes the caller a member, when the invitation is open and was sent to the caller's email, which the caller verified. */
    @Transactional
    AcceptedInvitation accept(AuthenticatedAgent agent, String token) {
        Invitation invitation = invitations.findByTokenHash(Sha256.of(token))
                .filter(Invitation::pending)
                .orElseThrow(() -> ApiException.notFound("Invitation"));
        Website website = websites.lock(invitation.websiteId())
                .filter(found -> found.deletedAt() == null)
                .orElseThrow(() -> ApiException.notFound("Invitation"));
        Instant now = clock.instant();
        if (!invitation.expiresAt().isAfter(now)) {
            throw new ApiException(HttpStatus.GONE, "invitation_expired", "This invitation has expired: ask for a new one.");
        }
        if (!agent.emailVerified()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "email_unverified",
                    "Verify your email address before accepting an invitation: use the link sent to it, or ask for a new one.");
        }
        if (agent.email() == null || !agent.email().equalsIgnoreCase(invitation.email())) {
            throw ApiException.forbidden("This invitation was sent to another email address.");
        }
        memberships.join(website.id(), agent, invitation.role());
        invitations.update(invitation.accepted(agent.id(), now));
        return new AcceptedInvitation(website.id(), website.name(), invitation.role());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
