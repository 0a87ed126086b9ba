package dev.zendo.notifications

import groovy.json.JsonSlurperClassic
import jakarta.mail.Multipart
import jakarta.mail.Part
import jakarta.mail.Session
import jakarta.mail.internet.MimeMessage

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets

/** Reads the mail a GreenMail catcher holds for an address, through its HTTP API, as parsed MIME messages. */
class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient()

    final String apiUrl

    Mailbox(String apiUrl) {
        this.apiUrl = apiUrl
    }

    /** Every mail {@code address} received, oldest first; none when it received nothing yet. */
    List<Mail> of(String address) {
        def uri = URI.create("$apiUrl/api/user/${URLEncoder.encode(address, StandardCharsets.UTF_8)}/messages/INBOX")
        def response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
        if (response.statusCode() != 200) {
            return []
        }
        def session = Session.getInstance(new Properties())
        new JsonSlurperClassic().parseText(response.body()).collect { message ->
            new Mail(new MimeMessage(session, new ByteArrayInputStream(message.mimeMessage.getBytes(StandardCharsets.UTF_8))))
        }
    }

    /** One received mail. */
    static class Mail {
        final MimeMessage message
        final String text
        final String html

        Mail(MimeMessage message) {
            this.message = message
            def parts = [:]
            collect(message, parts)
            text = parts['text/plain']
            html = parts['text/html']
        }

        String getSubject() { message.subject }

        String getTo() { message.getHeader('To', ',') }

        String getFrom() { message.getHeader('From', ',') }

        String header(String name) { message.getHeader(name, ',') }

        private static void collect(Part part, Map parts) {
            if (part.isMimeType('multipart/*')) {
                def multipart = part.content as Multipart
                (0..<multipart.count).each { collect(multipart.getBodyPart(it), parts) }
            } else if (part.isMimeType('text/plain')) {
                parts['text/plain'] = part.content as String
            } else if (part.isMimeType('text/html')) {
                parts['text/html'] = part.content as String
            }
        }
    }
}
