package dev.zendo.platform.redis

import spock.lang.Specification

import java.time.Duration

/** Redis URLs with a database, TLS, a password and an ACL user are understood; the password never shows. */
class RedisUrlSpec extends Specification {

    def '#url is understood'() {
        expect:
        RedisUrl.parse(url) == new RedisUrl(tls, user, password, host, port, database)

        where:
        url                                           || tls   | user    | password     | host        | port | database
        'redis://127.0.0.1:6379'                      || false | null    | null         | '127.0.0.1' | 6379 | 0
        'redis://redis'                               || false | null    | null         | 'redis'     | 6379 | 0
        'redis://redis:6380/'                         || false | null    | null         | 'redis'     | 6380 | 0
        'redis://redis:6379/3'                        || false | null    | null         | 'redis'     | 6379 | 3
        'rediss://redis.example:6380'                 || true  | null    | null         | 'redis.example' | 6380 | 0
        'redis://:s3cret@redis:6379'                  || false | null    | 's3cret'     | 'redis'     | 6379 | 0
        'rediss://zendo:s3cret@redis.example:6380/2'  || true  | 'zendo' | 's3cret'     | 'redis.example' | 6380 | 2
        'redis://zendo:p%40ss%3Aw%2Frd@redis'         || false | 'zendo' | 'p@ss:w/rd'  | 'redis'     | 6379 | 0
        'redis://us%65r:a+b@redis'                    || false | 'user'  | 'a+b'        | 'redis'     | 6379 | 0
        'redis://zendo:@redis'                        || false | 'zendo' | ''           | 'redis'     | 6379 | 0
    }

    def '#url is refused with a message that does not repeat it'() {
        when:
        new RedisSettings(url, Duration.ofSeconds(2))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith('zendo.redis.uri must look like redis://host:port')
        !e.message.contains('s3cret')

        where:
        url << ['http://localhost:6379', 'redis://', 'redis://redis:notaport', 'redis://redis:70000', 'redis://redis:6379/db',
                'redis://redis:6379?password=s3cret', 'redis://zendo@redis', 'redis://:s3c#ret@redis', 'redis://:s3cret%zz@redis',
                'redis://:s3cret@:6379', 'localhost:6379']
    }

    def 'settings and URLs print without the password'() {
        given:
        def settings = new RedisSettings('rediss://zendo:s3cret@redis:6380/1', Duration.ofSeconds(2))

        expect:
        settings.toString() == 'RedisSettings[uri=rediss://zendo:***@redis:6380/1, timeout=PT2S]'
        !settings.url().toString().contains('s3cret')
        new RedisSettings('redis://redis', Duration.ofSeconds(2)).url().toString() == 'redis://redis:6379/0'
    }
}
