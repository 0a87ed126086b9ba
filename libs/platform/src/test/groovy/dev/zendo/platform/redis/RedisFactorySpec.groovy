package dev.zendo.platform.redis

import redis.clients.jedis.JedisPooled
import redis.clients.jedis.Protocol
import redis.clients.jedis.exceptions.JedisException
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

import java.nio.file.Path
import java.time.Duration

/**
 * The Redis client logs in with the URL's credentials: against a real redis-server started for this spec with a
 * password and an ACL user.
 */
class RedisFactorySpec extends Specification {

    static final String PASSWORD = 'p@ss:w/rd s3cret'

    @Shared
    @TempDir
    Path dir

    @Shared
    int port = freePort()

    @Shared
    Process server

    @Shared
    @AutoCleanup
    JedisPooled admin

    def setupSpec() {
        server = new ProcessBuilder('redis-server', '--port', "$port", '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
                '--dir', dir.toString(), '--requirepass', PASSWORD).redirectErrorStream(true)
                .redirectOutput(dir.resolve('redis.log').toFile()).start()
        admin = client(":${encode(PASSWORD)}@127.0.0.1:$port")
        new PollingConditions(timeout: 10, delay: 0.1).eventually {
            assert ping(admin)
        }
        admin.sendCommand(Protocol.Command.ACL, 'SETUSER', 'zendo', 'on', ">$PASSWORD".toString(), '~*', '&*', '+@all')
    }

    def cleanupSpec() {
        server?.destroy()
        server?.waitFor()
    }

    def 'a client for #description #outcome'() {
        given:
        def redis = client(authority.replace('PORT', "$port"))

        expect:
        ping(redis) == answers

        cleanup:
        redis.close()

        where:
        description                         | authority                                            || answers
        'the password'                      | ":${encode(PASSWORD)}@127.0.0.1:PORT"                || true
        'the ACL user and its password'     | "zendo:${encode(PASSWORD)}@127.0.0.1:PORT/2"         || true
        'no password'                       | '127.0.0.1:PORT'                                     || false
        'a wrong password'                  | ':wrong@127.0.0.1:PORT'                              || false
        'the ACL user with a wrong password'| 'zendo:wrong@127.0.0.1:PORT'                         || false
        outcome = answers ? 'gets PONG' : 'is refused'
    }

    def 'the database of the URL is the one written to'() {
        given:
        def redis = client("zendo:${encode(PASSWORD)}@127.0.0.1:$port/3")

        when:
        redis.set('redis-factory-spec', 'db3')

        then:
        admin.get('redis-factory-spec') == null

        cleanup:
        redis.del('redis-factory-spec')
        redis.close()
    }

    private static JedisPooled client(String authority) {
        new RedisFactory().redis(new RedisSettings("redis://$authority", Duration.ofSeconds(2)))
    }

    private static boolean ping(JedisPooled redis) {
        try {
            redis.ping() == 'PONG'
        } catch (JedisException ignored) {
            false
        }
    }

    private static String encode(String text) {
        URLEncoder.encode(text, 'UTF-8').replace('+', '%20')
    }

    private static int freePort() {
        new ServerSocket(0, 0, InetAddress.loopbackAddress).withCloseable { it.localPort }
    }
}
