package dev.zendo.conversations.audit;

/** Who took an audited action: an agent, a visitor, Zendo itself, a bot, or a website's backend with its secret key. */
public enum AuditActorKind {
    AGENT, VISITOR, SYSTEM, BOT, SERVER_KEY
}
