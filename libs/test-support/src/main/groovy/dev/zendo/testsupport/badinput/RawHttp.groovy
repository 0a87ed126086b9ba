package dev.zendo.testsupport.badinput

import groovy.json.JsonSlurperClassic

import java.nio.charset.StandardCharsets

/**
 * Sends a request exactly as given, byte for byte (a target no URI class would accept, any Content-Type or none), over
 * a fresh connection, and reads the answer.
 */
class RawHttp {

    /** An answer: status, headers (lower-case names) and the body parsed as JSON when it is JSON. */
    static class Reply {
        int status
        Map<String, String> headers
        String text

        Object getJson() {
            text ? new JsonSlurperClassic().parseText(text) : null
        }

        String toString() {
            "$status $text"
        }
    }

    static Reply send(URL server, String method, String rawTarget, Map<String, String> headers, byte[] body) {
        new Socket(server.host, server.port).withCloseable { socket ->
            socket.soTimeout = 30_000
            def head = new StringBuilder("$method $rawTarget HTTP/1.1\r\nHost: $server.host:$server.port\r\nConnection: close\r\n")
            headers.each { name, value -> head << "$name: $value\r\n" }
            if (body != null) {
                head << "Content-Length: ${body.length}\r\n"
            }
            head << '\r\n'
            def out = socket.outputStream
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1))
            if (body != null) {
                out.write(body)
            }
            out.flush()
            parse(socket.inputStream.readAllBytes())
        }
    }

    private static Reply parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1)
        int end = all.indexOf('\r\n\r\n')
        List<String> lines = all.substring(0, end).split('\r\n') as List
        Map<String, String> headers = lines.drop(1).collectEntries { line ->
            int colon = line.indexOf(':')
            [(line.substring(0, colon).trim().toLowerCase()): line.substring(colon + 1).trim()]
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length)
        if (headers['transfer-encoding']?.equalsIgnoreCase('chunked')) {
            body = dechunk(body)
        }
        new Reply(status: lines[0].split(' ')[1] as int, headers: headers, text: new String(body, StandardCharsets.UTF_8))
    }

    private static byte[] dechunk(byte[] chunked) {
        def out = new ByteArrayOutputStream()
        int at = 0
        while (true) {
            int lineEnd = at
            while (!(chunked[lineEnd] == ('\r' as char) && chunked[lineEnd + 1] == ('\n' as char))) {
                lineEnd++
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(';')[0].trim(), 16)
            if (size == 0) {
                return out.toByteArray()
            }
            out.write(chunked, lineEnd + 2, size)
            at = lineEnd + 2 + size + 2
        }
    }
}
