package dev.zendo.notifications.webhook.ssrf

import spock.lang.Specification

/** Which addresses webhooks never go to, IPv4 written inside IPv6 included. */
class AddressPolicySpec extends Specification {

    def '#address is refused as #reason'() {
        expect:
        AddressPolicy.refusal(InetAddress.getByName(address)) == Optional.of(reason)

        where:
        address                   | reason
        '127.0.0.1'               | 'loopback'
        '127.255.255.254'         | 'loopback'
        '::1'                     | 'loopback'
        '10.0.0.1'                | 'private'
        '172.16.0.1'              | 'private'
        '172.31.255.255'          | 'private'
        '192.168.0.1'             | 'private'
        '169.254.169.254'         | 'link-local (cloud metadata)'
        'fe80::1'                 | 'link-local'
        'fc00::1'                 | 'unique-local'
        'fd12:3456:789a::1'       | 'unique-local'
        '100.64.0.1'              | 'shared address space (CGNAT)'
        '100.127.255.255'         | 'shared address space (CGNAT)'
        '0.0.0.0'                 | 'unspecified'
        '::'                      | 'unspecified'
        '224.0.0.251'             | 'multicast'
        'ff02::1'                 | 'multicast'
        '255.255.255.255'         | 'reserved'
        '::ffff:10.1.2.3'         | 'private'
        '::ffff:169.254.169.254'  | 'link-local (cloud metadata)'
        '::127.0.0.1'             | 'loopback'
        '64:ff9b::7f00:1'         | 'loopback'
        '2002:c0a8:0101::1'       | 'private'
    }

    def '#address is allowed'() {
        expect:
        AddressPolicy.refusal(InetAddress.getByName(address)).empty

        where:
        address << ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '169.255.0.1', '2606:4700::1111', '64:ff9b::808:808',
                    '2002:5db8:d822::1', '::ffff:93.184.216.34']
    }
}
