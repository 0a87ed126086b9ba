package dev.zendo.realtimeedge.support

import java.nio.charset.StandardCharsets

/** A bare-bones WebSocket client over a plain socket, for frames the JDK's client refuses to send (such as text that is not UTF-8). */
class RawWebSocket implements AutoCloseable {

    private final Socket socket
    private final DataInputStream input

    private RawWebSocket(Socket socket) {
        this.socket = socket
        this.input = new DataInputStream(new BufferedInputStream(socket.inputStream))
    }

    /** A socket upgraded on the edge's {@code /ws}. */
    static RawWebSocket open(int port) {
        Socket socket = new Socket('127.0.0.1', port)
        socket.soTimeout = 20_000
        socket.outputStream.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII))
        RawWebSocket client = new RawWebSocket(socket)
        String status = client.line()
        assert status.startsWith('HTTP/1.1 101')
        while (!client.line().isEmpty()) {
        }
        client
    }

    /** Sends one final text frame carrying {@code payload} as is (masked with a zero key, so unchanged on the wire). */
    void sendText(byte[] payload) {
        assert payload.length < 126
        ByteArrayOutputStream frame = new ByteArrayOutputStream()
        frame.write(0x81)
        frame.write(0x80 | payload.length)
        frame.write([0, 0, 0, 0] as byte[])
        frame.write(payload)
        socket.outputStream.write(frame.toByteArray())
    }

    /** Reads frames until the server's close frame and answers its status code. */
    int closeCode() {
        while (true) {
            int opcode = input.readUnsignedByte() & 0x0f
            long length = input.readUnsignedByte() & 0x7f
            if (length == 126) {
                length = input.readUnsignedShort()
            } else if (length == 127) {
                length = input.readLong()
            }
            byte[] payload = new byte[(int) length]
            input.readFully(payload)
            if (opcode == 8) {
                return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff)
            }
        }
    }

    private String line() {
        StringBuilder line = new StringBuilder()
        int c
        while ((c = input.read()) != 10) {
            if (c < 0) {
                throw new EOFException('the edge closed the socket')
            }
            if (c != 13) {
                line.append((char) c)
            }
        }
        line.toString()
    }

    @Override
    void close() {
        socket.close()
    }
}
