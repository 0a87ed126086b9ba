package dev.zendo.notifications.mail;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Hands mails to the configured SMTP server (Angus Mail), one connection per batch. */
@Singleton
class SmtpServer {

    private final MailSettings settings;
    private final Session session;
    private final InternetAddress from;

    SmtpServer(MailSettings settings) throws MessagingException {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        this.from = new InternetAddress(settings.from(), true);
    }

    /** An open connection to the server; the caller closes it. */
    Transport connect() throws MessagingException {
        Transport transport = session.getTransport(settings.security() == MailSettings.Security.TLS ? "smtps" : "smtp");
        if (settings.authenticates()) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        } else {
            transport.connect(settings.host(), settings.port(), null, null);
        }
        return transport;
    }

    /** The MIME message of {@code mail}: multipart/alternative, text then HTML, UTF-8, with a stable Message-ID. */
    MimeMessage message(QueuedMail mail) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, "<" + mail.notificationId() + "@zendo.notifications>");
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (mail.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (mail.replyTo() != null) {
            message.setReplyTo(new InternetAddress[]{new InternetAddress(mail.replyTo(), true)});
        }
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static Properties properties(MailSettings settings) {
        Properties properties = new Properties();
        String protocol = settings.security() == MailSettings.Security.TLS ? "smtps" : "smtp";
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        properties.put("mail." + protocol + ".timeout", String.valueOf(settings.timeout().toMillis()));
        properties.put("mail." + protocol + ".writetimeout", String.valueOf(settings.timeout().toMillis()));
        properties.put("mail." + protocol + ".auth", String.valueOf(settings.authenticates()));
        if (settings.security() == MailSettings.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != MailSettings.Security.NONE) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return properties;
    }

    /** A message whose Message-ID is the notification's, so a mail sent twice after a crash is recognisably the same. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
