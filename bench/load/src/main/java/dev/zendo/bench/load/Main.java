package dev.zendo.bench.load;

import java.nio.file.Path;

/**
 * The realtime load generator of bench/run.sh: {@code fanout}, {@code idle}, {@code e2e} or {@code reconnect}, with
 * {@code --name=value} options (see each scenario's class); prints its figures, the headline last, and writes them
 * as JSON to {@code --json}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Main fanout|idle|e2e|reconnect --json=FILE [--name=value...]");
            System.exit(2);
        }
        Options options = Options.parse(args, 1);
        Path json = Path.of(options.text("json"));
        Figures figures = new Figures(args[0]);
        switch (args[0]) {
            case "fanout" -> FanoutBench.run(options, figures);
            case "idle" -> IdleBench.run(options, figures);
            case "e2e" -> EndToEndBench.run(options, figures);
            case "reconnect" -> ReconnectBench.run(options, figures);
            default -> throw new IllegalArgumentException("no scenario " + args[0]);
        }
        figures.write(json);
        System.exit(0);
    }
}
