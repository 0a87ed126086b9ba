package dev.zendo.conversations.tag;

/** The rules of tag definitions, shared by requests and the service. */
final class Tags {

    /** #rgb or #rrggbb. */
    static final String COLOR = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$";
    static final String COLOR_MESSAGE = "must be a colour like #rgb or #rrggbb";
    /** Not blank: at least one character that is not white space. */
    static final String NAME = "(?s).*\\S.*";
    static final String NAME_MESSAGE = "must not be blank";
    static final int NAME_MAX = 40;
    /** The most live tags one website may define. */
    static final int MAX_LIVE = 500;

    private Tags() {
    }
}
