package dev.zendo.notifications.webhook.ssrf

import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton

import java.util.concurrent.ConcurrentHashMap

/**
 * Name resolution a spec controls: the names it sets answer its addresses, any other name the system's. Lets a spec
 * play a DNS server that changes its answer between the check at creation and the delivery. Only with
 * {@code spec.webhooks.dns: controlled}.
 */
@Singleton
@Replaces(SystemHostResolver)
@Requires(property = 'spec.webhooks.dns', value = 'controlled')
class SpecDns implements HostResolver {

    private final Map<String, List<String>> answers = new ConcurrentHashMap<>()

    /** From now on {@code host} resolves to {@code addresses} (IP literals). */
    void answer(String host, String... addresses) {
        answers.put(host, addresses as List)
    }

    @Override
    InetAddress[] resolve(String host) throws UnknownHostException {
        def addresses = answers[host]
        addresses == null ? InetAddress.getAllByName(host) : addresses.collect { InetAddress.getByName(it) } as InetAddress[]
    }
}
