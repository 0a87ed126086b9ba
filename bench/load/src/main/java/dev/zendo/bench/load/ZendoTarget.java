package dev.zendo.bench.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One Zendo edge node: a new agent owns a new website, every client authenticates with a realtime ticket of that
 * agent (role owner: it receives every conversation event) and subscribes to the website; events go to the website's
 * topic. The clients share one ticket, unless {@link #ticketPerClient} gave each its own (a node then checks every
 * client's signature, as with real users). Options: --gateway, --edge-ws, --edge-http, --kafka, --server-pid, --clock-ticks.
 */
final class ZendoTarget implements Target {

    private final URI socketUri;
    private final ZendoApi api;
    private final Setup setup;
    private final KafkaInjector injector;
    private final ServerProcess server;
    private final HeapProbe heap;
    private final Queue<String> spareTickets = new ConcurrentLinkedQueue<>();
    private final Map<Receiver, String> tickets = new ConcurrentHashMap<>();

    private ZendoTarget(URI socketUri, ZendoApi api, Setup setup, KafkaInjector injector, ServerProcess server, HeapProbe heap) {
        this.socketUri = socketUri;
        this.api = api;
        this.setup = setup;
        this.injector = injector;
        this.server = server;
        this.heap = heap;
    }

    /** Sets an agent and a website up; fails when the ticket would lapse within {@code lifetime} seconds. */
    static ZendoTarget create(Options options, long lifetime) throws IOException, InterruptedException {
        ZendoApi api = new ZendoApi(options.uri("gateway"));
        Setup setup = Setup.of(api, lifetime);
        ServerProcess server = new ServerProcess(options.pid("server-pid"), options.positive("clock-ticks", 100));
        return new ZendoTarget(options.uri("edge-ws"), api, setup, new KafkaInjector(options.text("kafka"), setup.websiteId()),
                server, new JvmHeap(server.pid(), options.uri("edge-http").resolve("/prometheus")));
    }

    /** Fetches {@code clients} more tickets of the agent: each client whose session is made from now on keeps one of its own. */
    void ticketPerClient(int clients) throws IOException, InterruptedException {
        for (int i = 0; i < clients; i++) {
            spareTickets.add(api.ticket(setup.agentToken()).token());
        }
    }

    /**
     * An agent, its website and a ticket.
     *
     * @param agentToken the agent's access token
     * @param websiteId  the website
     * @param publicKey  its widget key
     * @param ticket     a realtime ticket naming it
     */
    record Setup(String agentToken, String websiteId, String publicKey, String ticket) {

        static Setup of(ZendoApi api, long lifetime) throws IOException, InterruptedException {
            String agent = api.signUp();
            ZendoApi.Website website = api.createWebsite(agent);
            ZendoApi.Ticket ticket = api.ticket(agent);
            Instant needed = Instant.now().plus(Duration.ofSeconds(lifetime));
            if (ticket.expiresAt().isBefore(needed)) {
                throw new IllegalStateException("realtime tickets lapse at " + ticket.expiresAt() + ", before the run ends (" + needed
                        + "): start websites with ZENDO_AUTH_SIGNING_TTL longer than the run, as bench/run.sh does");
            }
            return new Setup(agent, website.id(), website.publicKey(), ticket.token());
        }
    }

    @Override
    public String name() {
        return "zendo";
    }

    @Override
    public URI socketUri() {
        return socketUri;
    }

    @Override
    public ClientSession session(Receiver receiver, Tally tally, Lifecycle lifecycle) {
        String ticket = tickets.computeIfAbsent(receiver, r -> {
            String own = spareTickets.poll();
            return own == null ? setup.ticket() : own;
        });
        return new ZendoSession(receiver, tally, lifecycle, ticket, setup.websiteId());
    }

    @Override
    public Injector injector() {
        return injector;
    }

    @Override
    public ServerProcess server() {
        return server;
    }

    @Override
    public HeapProbe heap() {
        return heap;
    }

    @Override
    public void close() {
        injector.close();
    }
}
