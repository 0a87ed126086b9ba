package dev.zendo.realtimeedge.session;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.ConversationAccess;
import dev.zendo.realtimeedge.auth.AgentCredentials;
import dev.zendo.realtimeedge.auth.AgentRole;
import dev.zendo.realtimeedge.auth.VisitorCredentials;
import dev.zendo.realtimeedge.commands.ClientCommands;
import dev.zendo.realtimeedge.connection.CloseCode;
import dev.zendo.realtimeedge.connection.Connection;
import dev.zendo.realtimeedge.connection.Frames;
import dev.zendo.realtimeedge.fanout.Audience;
import dev.zendo.realtimeedge.fanout.ConversationBook;
import dev.zendo.realtimeedge.fanout.KnownConversation;
import dev.zendo.realtimeedge.fanout.SiteFeed;
import dev.zendo.realtimeedge.fanout.TopicLookups;
import dev.zendo.realtimeedge.origins.WebsiteDirectory;
import dev.zendo.realtimeedge.origins.WebsiteOrigins;
import dev.zendo.realtimeedge.presence.AgentPresence;
import dev.zendo.realtimeedge.typing.TypingSignals;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Handles client frames (docs/protocol.md, "Client → server") on the connection's event loop: validates them, answers
 * {@code error} frames for bad ones, and hands the work to the authenticator, the site feed, typing, commands and
 * presence, none of which blocks.
 */
@Singleton
public class ClientFrames {

    /** The longest draft agents see, in characters (Unicode code points); a longer one is cut. */
    static final int DRAFT_LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ClientFrames.class);

    private final Authenticator authenticator;
    private final SiteFeed feed;
    private final WebsiteDirectory directory;
    private final ConversationBook book;
    private final TopicLookups lookups;
    private final TypingSignals typing;
    private final ClientCommands commands;
    private final AgentPresence presence;

    ClientFrames(Authenticator authenticator, SiteFeed feed, WebsiteDirectory directory, ConversationBook book,
                 TopicLookups lookups, TypingSignals typing, ClientCommands commands, AgentPresence presence) {
        this.authenticator = authenticator;
        this.feed = feed;
        this.directory = directory;
        this.book = book;
        this.lookups = lookups;
        this.typing = typing;
        this.commands = commands;
        this.presence = presence;
    }

    /** Handles one text frame of {@code connection}. */
    public void handle(Connection connection, String text) {
        Optional<ClientFrame> parsed = ClientFrame.parse(text);
        if (parsed.isEmpty()) {
            error(connection, "bad_frame", "A frame must be one JSON object.", null);
            return;
        }
        ClientFrame frame = parsed.get();
        String ref = null;
        try {
            ref = frame.string("ref");
            String type = frame.requiredString("type");
            if (!"auth".equals(type) && connection.credentials() == null) {
                error(connection, "unauthenticated", "Send auth first and wait for ready.", ref);
                return;
            }
            switch (type) {
                case "auth" -> auth(connection, frame);
                case "subscribe" -> subscribe(connection, frame, ref);
                case "unsubscribe" -> feed.unsubscribe(connection, frame.uuid("website_id"), ref, true);
                case "typing" -> typing(connection, frame);
                case "read" -> read(connection, frame, ref);
                case "presence" -> presence(connection, frame, ref);
                case "ping" -> feed.pong(connection, ref);
                default -> error(connection, "unknown_type", "Unknown frame type \"" + type + "\".", ref);
            }
        } catch (ClientFrame.BadField e) {
            error(connection, "bad_frame", e.getMessage(), ref);
        }
    }

    private void auth(Connection connection, ClientFrame frame) {
        if (!frame.has("v") || frame.integer("v") != 1) {
            connection.close(CloseCode.PROTOCOL);
            return;
        }
        authenticator.authenticate(connection, frame.requiredString("token"));
    }

    private void subscribe(Connection connection, ClientFrame frame, String ref) {
        UUID websiteId = frame.optionalUuid("website_id");
        String cursor = frame.string("cursor");
        VisitorCredentials visitor = connection.visitor();
        if (visitor != null) {
            if (websiteId != null && !websiteId.equals(visitor.websiteId())) {
                error(connection, "forbidden", "Visitors subscribe to their own website only.", ref);
                return;
            }
            websiteId = visitor.websiteId();
        } else if (websiteId == null) {
            throw new ClientFrame.BadField("website_id", "a lower-case UUID");
        } else if (!connection.agent().websites().containsKey(websiteId)) {
            error(connection, "forbidden", "The ticket does not name this website.", ref);
            return;
        }
        if (directory.website(websiteId).map(WebsiteOrigins::deleted).orElse(false)) {
            error(connection, "forbidden", "This website is deleted.", ref);
            return;
        }
        feed.subscribe(connection, websiteId, cursor, ref);
    }

    private void typing(Connection connection, ClientFrame frame) {
        UUID conversationId = frame.uuid("conversation_id");
        boolean typingNow = frame.bool("typing");
        String text = frame.string("text");
        UUID named = frame.optionalUuid("website_id");
        VisitorCredentials visitor = connection.visitor();
        if (visitor != null) {
            String draft = typingNow ? draft(visitor.websiteId(), text) : null;
            Optional<KnownConversation> known = book.find(List.of(visitor.websiteId()), conversationId);
            if (known.isPresent()) {
                visitorTyping(visitor, conversationId, known.get(), typingNow, draft);
            } else if (connection.mayLookBack()) {
                lookups.conversation(visitor.websiteId(), conversationId).whenComplete((found, failure) -> {
                    if (failure != null) {
                        LOG.debug("Could not look back for conversation {}: {}", conversationId, failure.toString());
                    } else if (found.isPresent()) {
                        book.learnFound(conversationId, found.get());
                        book.find(List.of(visitor.websiteId()), conversationId)
                                .ifPresent(latest -> visitorTyping(visitor, conversationId, latest, typingNow, draft));
                    }
                });
            }
            return;
        }
        AgentCredentials agent = connection.agent();
        Optional<KnownConversation> known = book.find(agent.websites().keySet(), conversationId);
        UUID websiteId = known.map(KnownConversation::websiteId).orElseGet(() -> soleWebsite(agent, named));
        AgentRole role = websiteId == null ? null : agent.websites().get(websiteId);
        if (role == null || !role.mayReply()) {
            return;
        }
        if (known.isPresent() ? Audience.agentSees(role, agent.agentId(), known.get().access()) : role.seesAll()) {
            typing.typing(websiteId, conversationId, known.map(KnownConversation::visitorId).orElse(null),
                    actor(ActorKind.ACTOR_KIND_AGENT, agent.agentId()), typingNow, null,
                    known.map(KnownConversation::access).orElse(ConversationAccess.getDefaultInstance()));
        }
    }

    /** A visitor's signal goes out in their own conversations only. */
    private void visitorTyping(VisitorCredentials visitor, UUID conversationId, KnownConversation known, boolean typingNow,
                               String draft) {
        if (visitor.visitorId().equals(known.visitorId())) {
            typing.typing(visitor.websiteId(), conversationId, visitor.visitorId(),
                    actor(ActorKind.ACTOR_KIND_VISITOR, visitor.subject()), typingNow, draft, known.access());
        }
    }

    /** The draft agents see: the text, cut to {@value #DRAFT_LIMIT} characters, when the website enables sneak peek. */
    private String draft(UUID websiteId, String text) {
        if (text == null || !directory.website(websiteId).map(WebsiteOrigins::sneakPeek).orElse(false)) {
            return null;
        }
        return text.codePointCount(0, text.length()) > DRAFT_LIMIT ? text.substring(0, text.offsetByCodePoints(0, DRAFT_LIMIT)) : text;
    }

    private void read(Connection connection, ClientFrame frame, String ref) {
        UUID conversationId = frame.uuid("conversation_id");
        long seq = frame.integer("seq");
        if (seq < 1) {
            throw new ClientFrame.BadField("seq", "an integer of at least 1");
        }
        UUID named = frame.optionalUuid("website_id");
        VisitorCredentials visitor = connection.visitor();
        if (visitor != null) {
            commands.read(visitor.websiteId(), conversationId, actor(ActorKind.ACTOR_KIND_VISITOR, visitor.subject()), seq);
            return;
        }
        AgentCredentials agent = connection.agent();
        UUID websiteId = book.find(agent.websites().keySet(), conversationId).map(KnownConversation::websiteId)
                .orElseGet(() -> soleWebsite(agent, named));
        if (websiteId == null) {
            error(connection, "bad_frame", "\"website_id\" must name the conversation's website.", ref);
            return;
        }
        commands.read(websiteId, conversationId, actor(ActorKind.ACTOR_KIND_AGENT, agent.agentId()), seq);
    }

    private void presence(Connection connection, ClientFrame frame, String ref) {
        String status = frame.requiredString("status");
        AgentCredentials agent = connection.agent();
        if (agent == null) {
            error(connection, "forbidden", "Only agents set their presence.", ref);
            return;
        }
        switch (status) {
            case "online" -> presence.away(agent.agentId(), Set.copyOf(agent.websites().keySet()), false);
            case "away" -> presence.away(agent.agentId(), Set.copyOf(agent.websites().keySet()), true);
            default -> throw new ClientFrame.BadField("status", "\"online\" or \"away\"");
        }
    }

    /** The website a frame names (when the ticket does), else the ticket's only website, else null. */
    private static UUID soleWebsite(AgentCredentials agent, UUID named) {
        if (named != null) {
            return agent.websites().containsKey(named) ? named : null;
        }
        return agent.websites().size() == 1 ? agent.websites().keySet().iterator().next() : null;
    }

    private static Actor actor(ActorKind kind, String id) {
        return Actor.newBuilder().setKind(kind).setId(id).build();
    }

    private static void error(Connection connection, String code, String message, String ref) {
        connection.channel().writeAndFlush(Frames.error(code, message, ref));
    }
}
