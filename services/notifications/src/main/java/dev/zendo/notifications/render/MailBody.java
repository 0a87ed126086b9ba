package dev.zendo.notifications.render;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The content of one mail as a few kinds of blocks, rendered once as plain text and once as HTML from the same list,
 * so both parts always say the same. Every text is untrusted and escaped in the HTML; links must be http(s).
 */
public final class MailBody {

    private static final String FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
    private static final String MUTED = "color:#57606a;font-size:13px";

    private final List<Block> blocks = new ArrayList<>();
    private final List<Block> footer = new ArrayList<>();

    /** A paragraph. */
    public MailBody paragraph(String text) {
        blocks.add(new Block(text, "<p style=\"margin:0 0 16px\">" + Html.text(text) + "</p>"));
        return this;
    }

    /** Words someone wrote (a visitor's or an agent's message), set apart and attributed. */
    public MailBody quote(String author, String text) {
        StringBuilder quoted = new StringBuilder(author).append(':');
        text.strip().lines().forEach(line -> quoted.append("\n> ").append(line));
        blocks.add(new Block(quoted.toString(), "<p style=\"margin:0 0 4px;" + MUTED + "\">" + Html.escape(author) + "</p>"
                + "<blockquote style=\"margin:0 0 16px;padding:8px 12px;border-left:3px solid #d0d7de;background:#f6f8fa\">"
                + Html.text(text) + "</blockquote>"));
        return this;
    }

    /** A short code to type, set large and spaced in HTML, on its own line in text. */
    public MailBody code(String code) {
        blocks.add(new Block(code, "<p style=\"margin:8px 0 24px;font-size:28px;font-weight:700;letter-spacing:6px;"
                + "font-family:ui-monospace,Menlo,Consolas,monospace\">" + Html.escape(code) + "</p>"));
        return this;
    }

    /** The action the mail is about: a button (and the URL spelled out) in HTML, the label and the URL in text. */
    public MailBody button(String label, String url) {
        String href = Html.escape(link(url));
        blocks.add(new Block(label + ":\n" + url, "<p style=\"margin:24px 0 8px\"><a href=\"" + href
                + "\" style=\"display:inline-block;padding:10px 18px;background:#0969da;color:#ffffff;text-decoration:none;"
                + "border-radius:6px;font-weight:600\">" + Html.escape(label) + "</a></p>"
                + "<p style=\"margin:0 0 16px;" + MUTED + ";word-break:break-all\">" + href + "</p>"));
        return this;
    }

    /** A short line under the content, e.g. why the mail was sent. */
    public MailBody footer(String text) {
        footer.add(new Block(text, "<p style=\"margin:0 0 6px\">" + Html.escape(text) + "</p>"));
        return this;
    }

    /** A footer line ending in a link, e.g. how to stop such mails. */
    public MailBody footerLink(String text, String label, String url) {
        String href = Html.escape(link(url));
        footer.add(new Block(text + " " + url, "<p style=\"margin:0 0 6px\">" + Html.escape(text) + " <a href=\"" + href
                + "\" style=\"color:#57606a\">" + Html.escape(label) + "</a></p>"));
        return this;
    }

    /** The mail with {@code subject}, in both parts. */
    public RenderedMail render(String subject) {
        String title = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        StringBuilder text = new StringBuilder();
        blocks.forEach(block -> text.append(text.isEmpty() ? "" : "\n\n").append(block.text()));
        if (!footer.isEmpty()) {
            text.append("\n\n-- \n");
            footer.forEach(block -> text.append(block.text()).append('\n'));
        } else {
            text.append('\n');
        }
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>").append(Html.escape(title)).append("</title></head>")
                .append("<body style=\"margin:0;padding:24px;background:#f4f5f7;").append(FONT).append("\">")
                .append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;")
                .append("color:#1f2328;font-size:15px;line-height:1.5\">");
        blocks.forEach(block -> html.append(block.html()));
        html.append("</div><div style=\"max-width:560px;margin:12px auto 0;color:#57606a;font-size:12px;text-align:center\">");
        footer.forEach(block -> html.append(block.html()));
        html.append("</div></body></html>");
        return new RenderedMail(title, text.toString(), html.toString());
    }

    private static String link(String url) {
        String scheme = URI.create(Objects.requireNonNull(url, "url")).getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("a mail links only to http(s) URLs");
        }
        return url;
    }

    /** One block, as text and as HTML. */
    private record Block(String text, String html) {
    }
}
