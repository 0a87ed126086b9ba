package dev.zendo.conversations.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** How a group chooses among its available agents with a free slot; a group's {@code routing} names one. */
public enum Strategy {

    /** The next agent after the group's last one, in agent id order. */
    ROUND_ROBIN {
        @Override
        Optional<String> pick(List<Candidate> candidates, String lastAgentOfGroup, String lastAgentOfConversation) {
            return after(candidates, lastAgentOfGroup);
        }
    },

    /** The agent with the most free slots; ties go round robin, so equally free agents take turns. */
    LEAST_LOADED {
        @Override
        Optional<String> pick(List<Candidate> candidates, String lastAgentOfGroup, String lastAgentOfConversation) {
            int most = candidates.stream().mapToInt(Candidate::free).max().orElse(0);
            return after(candidates.stream().filter(candidate -> candidate.free() == most).toList(), lastAgentOfGroup);
        }
    },

    /** The conversation's last agent when available with a free slot, otherwise least loaded. */
    STICKY {
        @Override
        Optional<String> pick(List<Candidate> candidates, String lastAgentOfGroup, String lastAgentOfConversation) {
            if (candidates.stream().anyMatch(candidate -> candidate.agentId().equals(lastAgentOfConversation))) {
                return Optional.of(lastAgentOfConversation);
            }
            return LEAST_LOADED.pick(candidates, lastAgentOfGroup, lastAgentOfConversation);
        }
    };

    /**
     * The chosen agent among {@code candidates} (available, with at least one free slot), or none when there is none.
     *
     * @param lastAgentOfGroup        who got the group's previous thread, if anyone
     * @param lastAgentOfConversation who had the conversation's previous thread, if anyone
     */
    abstract Optional<String> pick(List<Candidate> candidates, String lastAgentOfGroup, String lastAgentOfConversation);

    private static Optional<String> after(List<Candidate> candidates, String last) {
        List<String> ordered = candidates.stream().map(Candidate::agentId).sorted(Comparator.naturalOrder()).toList();
        return ordered.stream()
                .filter(agentId -> last != null && agentId.compareTo(last) > 0)
                .findFirst()
                .or(() -> ordered.stream().findFirst());
    }

    /** An agent who may take a thread now, with {@code free} slots left (at least one). */
    record Candidate(String agentId, int free) {
    }
}
