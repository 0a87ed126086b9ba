package dev.zendo.realtimeedge.fanout;

import dev.zendo.events.v1.ConversationAccess;
import dev.zendo.realtimeedge.config.RealtimeSettings;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The conversations the node has seen on the website topics it reads (or found looking back through one), most recent
 * first, bounded per website: what typing and read checks need (the conversation's website, visitor and access)
 * without a database.
 */
@Singleton
public class ConversationBook {

    private final int perWebsite;
    private final Map<UUID, Recent> websites = new ConcurrentHashMap<>();

    ConversationBook(RealtimeSettings settings) {
        this.perWebsite = settings.conversationsPerWebsite();
    }

    /** Learns from an event of {@code conversationId}: a visitor when it names one, the access when it carries one. */
    void learn(UUID websiteId, UUID conversationId, UUID visitorId, ConversationAccess access) {
        websites.computeIfAbsent(websiteId, id -> new Recent(perWebsite)).learn(websiteId, conversationId, visitorId, access);
    }

    /**
     * Learns what a look-back found, unless the node has meanwhile seen the conversation live (newer than the
     * look-back).
     */
    public void learnFound(UUID conversationId, KnownConversation found) {
        websites.computeIfAbsent(found.websiteId(), id -> new Recent(perWebsite)).learnFound(conversationId, found);
    }

    /** The conversation when the node has seen it in one of {@code websiteIds}. */
    public Optional<KnownConversation> find(Iterable<UUID> websiteIds, UUID conversationId) {
        for (UUID websiteId : websiteIds) {
            Recent recent = websites.get(websiteId);
            KnownConversation known = recent == null ? null : recent.get(conversationId);
            if (known != null) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** A bounded access-ordered map of one website's conversations. */
    private static final class Recent {

        private final LinkedHashMap<UUID, KnownConversation> conversations;

        Recent(int capacity) {
            this.conversations = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, KnownConversation> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized void learn(UUID websiteId, UUID conversationId, UUID visitorId, ConversationAccess access) {
            KnownConversation known = conversations.get(conversationId);
            UUID visitor = visitorId != null ? visitorId : known == null ? null : known.visitorId();
            ConversationAccess latest = access != null ? access : known == null ? ConversationAccess.getDefaultInstance() : known.access();
            conversations.put(conversationId, new KnownConversation(websiteId, visitor, latest));
        }

        synchronized void learnFound(UUID conversationId, KnownConversation found) {
            conversations.putIfAbsent(conversationId, found);
        }

        synchronized KnownConversation get(UUID conversationId) {
            return conversations.get(conversationId);
        }
    }
}
