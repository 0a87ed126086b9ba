package dev.zendo.websites.canned;

/** What a canned response's shortcut looks like. */
final class CannedResponses {

    static final String SHORTCUT = "[\\p{L}\\p{N}_-]{1,50}";
    static final String SHORTCUT_MESSAGE = "must be 1 to 50 letters, digits, - or _";

    private CannedResponses() {
    }
}
