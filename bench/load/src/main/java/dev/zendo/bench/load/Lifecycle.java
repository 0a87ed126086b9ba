package dev.zendo.bench.load;

/** What a scenario does when one of its client sockets is upgraded or closes. */
interface Lifecycle {

    /** Sockets that are opened once and whose close needs nothing. */
    Lifecycle ONCE = new Lifecycle() {
        @Override
        public void upgraded(Receiver receiver) {
        }

        @Override
        public void closed(Receiver receiver) {
        }
    };

    void upgraded(Receiver receiver);

    void closed(Receiver receiver);
}
