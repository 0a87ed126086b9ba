package dev.zendo.bench.load;

/**
 * What every injected event and sent message carries in its text body: its index in the run and the generator's
 * {@code System.nanoTime()} of its intended send time, so a receiver in the same JVM measures its age without clocks.
 *
 * @param index         0, 1, 2... in the order of the intended send times
 * @param intendedNanos when it was due to be sent
 */
record Payload(long index, long intendedNanos) {

    private static final String PREFIX = "bench ";

    String text() {
        return PREFIX + index + " " + intendedNanos;
    }

    /** Parses a body {@link #text()} wrote; anything else is an {@link IllegalArgumentException}. */
    static Payload parse(String body) {
        if (body == null || !body.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a bench payload: " + body);
        }
        int space = body.indexOf(' ', PREFIX.length());
        if (space < 0 || body.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException("not a bench payload: " + body);
        }
        try {
            long index = Long.parseLong(body, PREFIX.length(), space, 10);
            long intended = Long.parseLong(body, space + 1, body.length(), 10);
            if (index < 0) {
                throw new IllegalArgumentException("negative index in " + body);
            }
            return new Payload(index, intended);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a bench payload: " + body, e);
        }
    }
}
