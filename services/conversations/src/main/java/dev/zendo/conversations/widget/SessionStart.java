package dev.zendo.conversations.widget;

import dev.zendo.conversations.conversation.ConversationService;
import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.message.History;
import dev.zendo.conversations.message.MessageView;
import dev.zendo.conversations.message.ReadCursors;
import dev.zendo.conversations.message.ReaderKind;
import dev.zendo.conversations.replica.Site;
import dev.zendo.conversations.routing.QueuePositions;
import dev.zendo.conversations.thread.ThreadStatus;
import dev.zendo.conversations.verification.IdentityVerifier;
import dev.zendo.conversations.verification.VerifiedUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of a widget session, in one transaction: finds or creates the visitor (resumed from an earlier
 * token of the website, or found by a verified user id, merging the anonymous visitor into it), stores what it said in
 * the pre-chat form, records the page view, posts the first message, then reads the snapshot the widget starts from.
 * Any refusal leaves nothing written.
 */
@Singleton
class SessionStart {

    private final VisitorStore store;
    private final VisitorEvents events;
    private final VisitorDetails details;
    private final VisitorMerge merge;
    private final IdentityVerifier identities;
    private final ConversationService conversations;
    private final VisitorMessages messages;
    private final History history;
    private final ReadCursors cursors;
    private final QueuePositions queue;
    private final ConversationAgents agents;

    SessionStart(VisitorStore store, VisitorEvents events, VisitorDetails details, VisitorMerge merge, IdentityVerifier identities,
                 ConversationService conversations, VisitorMessages messages, History history, ReadCursors cursors,
                 QueuePositions queue, ConversationAgents agents) {
        this.store = store;
        this.events = events;
        this.details = details;
        this.merge = merge;
        this.identities = identities;
        this.conversations = conversations;
        this.messages = messages;
        this.history = history;
        this.cursors = cursors;
        this.queue = queue;
        this.agents = agents;
    }

    /**
     * Starts the session of {@code earlierVisitorId} (the visitor of a valid earlier token of this website, or null)
     * on {@code site}.
     */
    @Transactional
    public Started start(Site site, SessionRequest request, Visit visit, @Nullable UUID earlierVisitorId) {
        VisitorRow earlier = earlierVisitorId == null ? null : canonical(site.id(), earlierVisitorId).orElse(null);
        VisitorRow visitor;
        if (request.user() != null) {
            visitor = verified(site.id(), identities.verify(site.id(), request.user().token()), earlier, visit);
        } else if (earlier != null) {
            visitor = earlier;
        } else {
            visitor = store.create(site.id(), null, null, null, visit).orElseThrow();
            events.created(visitor);
        }
        store.seen(visitor.id(), visit);
        PreChatRequest preChat = request.preChat();
        if (preChat != null) {
            visitor = details.change(visitor, visitor.verified() && visitor.name() != null ? null : preChat.name(), preChat.email(),
                    preChat.phone(), preChat.fields(), "pre_chat.fields");
        }
        store.pageView(visitor, request.page().url(), request.page().title(), request.page().referrer());
        if (request.firstMessage() != null) {
            messages.send(site.id(), visitor, request.firstMessage().clientMsgId(), request.firstMessage().body());
        }
        return snapshot(site.id(), visitor);
    }

    private Optional<VisitorRow> canonical(UUID websiteId, UUID visitorId) {
        Optional<VisitorRow> visitor = store.lock(websiteId, visitorId);
        if (visitor.isPresent() && visitor.get().mergedInto() != null) {
            return store.lock(websiteId, visitor.get().mergedInto()).filter(target -> target.mergedInto() == null);
        }
        return visitor;
    }

    private VisitorRow verified(UUID websiteId, VerifiedUser user, VisitorRow earlier, Visit visit) {
        store.lockUser(websiteId, user.userId());
        Optional<VisitorRow> known = store.byExternalId(websiteId, user.userId());
        if (known.isEmpty()) {
            if (earlier != null && !earlier.verified()) {
                VisitorRow proven = store.save(earlier.verifiedAs(user.userId(), user.name(), user.email()));
                events.updated(proven, VisitorEvents.actor(proven.id()));
                return proven;
            }
            Optional<VisitorRow> created = store.create(websiteId, user.userId(), user.name(), user.email(), visit);
            if (created.isPresent()) {
                events.created(created.get());
                return created.get();
            }
            known = store.byExternalId(websiteId, user.userId());
        }
        VisitorRow target = known.orElseThrow();
        if (earlier != null && !earlier.verified() && !earlier.id().equals(target.id())) {
            merge.merge(earlier, target);
        }
        VisitorRow current = target.verifiedAs(user.userId(), user.name(), user.email());
        if (!current.equals(target)) {
            current = store.save(current);
            events.updated(current, VisitorEvents.actor(current.id()));
        }
        return current;
    }

    private Started snapshot(UUID websiteId, VisitorRow visitor) {
        Optional<ConversationView> conversation = conversations.ofVisitor(websiteId, visitor.id());
        ConversationSummary summary = conversation.map(c -> summary(c, visitor)).orElse(null);
        Integer position = conversation.filter(c -> c.status() == ThreadStatus.PENDING && c.currentThreadId() != null)
                .flatMap(c -> {
                    var place = queue.of(c.currentThreadId());
                    return place.isPresent() ? Optional.of(place.getAsInt()) : Optional.empty();
                }).orElse(null);
        return new Started(visitor, summary, position);
    }

    private ConversationSummary summary(ConversationView conversation, VisitorRow visitor) {
        List<MessageView> latest = history.page(conversation.id(), null, null, History.DEFAULT_LIMIT, false).messages();
        return new ConversationSummary(conversation.id(), conversation.status(), conversation.currentThreadId(),
                conversation.lastSeq(), cursors.unread(conversation.id(), ReaderKind.VISITOR, visitor.id().toString()), latest,
                agents.readSeq(conversation), agents.profiles(conversation, latest));
    }
}
