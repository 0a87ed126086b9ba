package dev.zendo.notifications.preference

import dev.zendo.notifications.NotificationsApi
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.security.SecureRandom

import static dev.zendo.notifications.NotificationsApi.newAddress

/**
 * The pages of an unsubscribe link speak the reader's language (the browser's when mails are written in it, else the
 * website's), escape what they show, and point to notification preferences only for members: a visitor has none.
 */
class UnsubscribePageSpec extends Specification {

    static final Map<String, String> PREFERENCES = [en: 'preferences', de: 'Benachrichtigungseinstellungen', es: 'preferencias']
    static final Map<String, String> EXPIRED = [en: 'This unsubscribe link no longer works.', de: 'Dieser Abmeldelink funktioniert nicht mehr.',
                                                es: 'Este enlace para cancelar la suscripción ya no funciona.']

    @Shared NotificationsApi api = NotificationsApi.get()
    PollingConditions within = new PollingConditions(timeout: 30, delay: 0.2)

    def 'a visitor\'s pages are in #language for Accept-Language #header on a website in #site'() {
        given:
        def path = link(website('Acme', site), [email: newAddress('reader')])

        when:
        def confirm = page('GET', path, header)
        def done = page('POST', path, header)

        then:
        confirm.status == 200
        confirm.body.contains("<html lang=\"$language\">")
        confirm.body.contains(question)
        done.status == 200
        done.body.contains("<html lang=\"$language\">")
        done.body.contains(told)
        [confirm, done].every { !it.body.contains(PREFERENCES[language]) }

        where:
        header             | site || language | question                                                                                          | told
        'de-AT,de;q=0.9'   | 'en' || 'de'     | 'Mails mit Antworten, die Sie im Chat nicht gelesen haben, für <strong>Acme</strong> abbestellen?' | 'Sie erhalten keine Mails mit Antworten, die Sie im Chat nicht gelesen haben, für <strong>Acme</strong> mehr.'
        'es-MX'            | 'de' || 'es'     | '¿Dejar de recibir correos con respuestas que no leíste en el chat de <strong>Acme</strong>?'      | 'Ya no recibirás correos con respuestas que no leíste en el chat de <strong>Acme</strong>.'
        'fr-FR, en;q=0.5'  | 'de' || 'en'     | 'Stop mails of replies you did not read in the chat for <strong>Acme</strong>?'                   | 'You will no longer get mails of replies you did not read in the chat for <strong>Acme</strong>.'
        'de;q=0, es;q=0.4' | 'en' || 'es'     | '¿Dejar de recibir correos con respuestas que no leíste en el chat de <strong>Acme</strong>?'      | 'Ya no recibirás correos'
        'fr-FR'            | 'de' || 'de'     | 'Mails mit Antworten, die Sie im Chat nicht gelesen haben, für <strong>Acme</strong> abbestellen?' | 'Sie erhalten keine Mails'
        null               | 'es' || 'es'     | '¿Dejar de recibir correos con respuestas que no leíste en el chat de <strong>Acme</strong>?'      | 'Ya no recibirás correos'
        '@@@;;q=x'         | 'de' || 'de'     | 'Mails mit Antworten, die Sie im Chat nicht gelesen haben, für <strong>Acme</strong> abbestellen?' | 'Sie erhalten keine Mails'
    }

    def 'a transcript link names the transcripts in #language'() {
        given:
        def path = link(website('Acme', language), [email: newAddress('transcript')], 0, 'transcript')

        expect:
        page('GET', path, null).body.contains(question)

        where:
        language || question
        'en'     || 'Stop transcripts of your chats for <strong>Acme</strong>?'
        'de'     || 'Protokolle Ihrer Chats für <strong>Acme</strong> abbestellen?'
        'es'     || '¿Dejar de recibir transcripciones de tus chats de <strong>Acme</strong>?'
    }

    def 'an expired visitor link says so in #language and never mentions preferences'() {
        given:
        def path = link(website('Acme', language), [email: newAddress('late')], Unsubscribes.LIFETIME_DAYS + 1)

        when:
        def replies = [page('GET', path, null), page('POST', path, null)]

        then:
        replies*.status == [404, 404]
        replies.every { it.body.contains("<html lang=\"$language\">") && it.body.contains("<p>${EXPIRED[language]}</p>") }
        replies.every { !it.body.contains(PREFERENCES[language]) }

        where:
        language << ['en', 'de', 'es']
    }

    def 'an unknown link says so in the browser\'s language (#language) and never mentions preferences'() {
        when:
        def reply = page('GET', "/v1/notifications/unsubscribe?token=${'B' * 43}", header)

        then:
        reply.status == 404
        reply.body.contains("<p>${EXPIRED[language]}</p>")
        !reply.body.contains(PREFERENCES[language])

        where:
        header   || language
        'es-ES'  || 'es'
        'de'     || 'de'
        null     || 'en'
    }

    def 'an expired member link still points to the notification preferences, and turns nothing off'() {
        given:
        def site = website('Acme', 'de')
        def agentId = UUID.randomUUID().toString()
        def path = link(site, [agent: agentId], Unsubscribes.LIFETIME_DAYS + 1)

        when:
        def reply = page('POST', path, null)

        then:
        reply.status == 404
        reply.body.contains('Dieser Abmeldelink funktioniert nicht mehr. Welche Mails Sie erhalten, ändern Sie in Ihren Benachrichtigungseinstellungen für die Website.')
        api.sql('SELECT 1 FROM notification_preference WHERE agent_id = ?', [agentId]).isEmpty()
    }

    def 'the website name is escaped on every page'() {
        given:
        def path = link(website('<b>Acme & "Co"</b>', 'en'), [email: newAddress('careful')])

        when:
        def pages = [page('GET', path, 'en'), page('POST', path, 'en')]

        then:
        pages*.status == [200, 200]
        pages.every { it.body.contains('<strong>&lt;b&gt;Acme &amp; &quot;Co&quot;&lt;/b&gt;</strong>') && !it.body.contains('<b>Acme') }
    }

    /** A live website named {@code name} in {@code language}, once the service knows it. */
    private String website(String name, String language) {
        def site = api.website(UUID.randomUUID().toString(), name, language)
        within.eventually { assert api.sql('SELECT 1 FROM website WHERE id = ?::uuid', [site]) }
        site
    }

    /** The path of a link, {@code ageDays} old, that stops {@code kind} mails of the website for {@code recipient}. */
    private String link(String site, Map recipient, int ageDays = 0, String kind = 'missed_reply') {
        def random = new byte[32]
        new SecureRandom().nextBytes(random)
        def token = Base64.urlEncoder.withoutPadding().encodeToString(random)
        api.sql('''INSERT INTO unsubscribe_token (token_sha256, agent_id, visitor_email, website_id, kind, created_at)
                   VALUES (?, ?, ?, ?::uuid, ?, now() - make_interval(days => ?))''',
                [MessageDigest.getInstance('SHA-256').digest(token.getBytes(StandardCharsets.UTF_8)), recipient.agent, recipient.email, site, kind, ageDays])
        "/v1/notifications/unsubscribe?token=$token"
    }

    /** A browser's (or mail client's) request to {@code path}, in {@code language} when given: its status and page. */
    private Map page(String method, String path, String language) {
        def request = HttpRequest.newBuilder(new URI("$api.server.URL$path"))
        if (language != null) {
            request.header('Accept-Language', language)
        }
        if (method == 'POST') {
            request.header('Content-Type', 'application/x-www-form-urlencoded').POST(HttpRequest.BodyPublishers.ofString('List-Unsubscribe=One-Click'))
        }
        def response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())
        [status: response.statusCode(), body: response.body()]
    }
}
