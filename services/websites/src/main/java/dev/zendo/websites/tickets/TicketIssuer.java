package dev.zendo.websites.tickets;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.auth.token.TokenSigner;
import dev.zendo.websites.access.Permission;
import dev.zendo.websites.members.MemberRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Signs realtime tickets: {@code sub} is the agent, {@code token_use} is {@code realtime}, and {@code websites}
 * names every live website the agent may subscribe to, with the agent's role there.
 */
@Singleton
class TicketIssuer {

    private final MemberRepository members;
    private final TokenSigner signer;

    TicketIssuer(MemberRepository members, TokenSigner signer) {
        this.members = members;
        this.signer = signer;
    }

    @Transactional(readOnly = true)
    Ticket issue(AuthenticatedAgent agent) {
        List<TicketWebsite> websites = members.findLiveByAgentId(agent.id()).stream()
                .filter(member -> Permission.SUBSCRIBE_REALTIME.allows(member.role()))
                .map(member -> new TicketWebsite(member.websiteId(), member.role()))
                .toList();
        List<Map<String, Object>> claim = websites.stream()
                .map(website -> Map.<String, Object>of("id", website.id().toString(), "role", website.role().value()))
                .toList();
        TokenSigner.SignedToken token = signer.sign(agent.id(), Map.of("token_use", "realtime", "websites", claim));
        return new Ticket(token.token(), token.expiresAt().truncatedTo(ChronoUnit.SECONDS), websites);
    }
}
