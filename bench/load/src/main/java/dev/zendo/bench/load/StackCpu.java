package dev.zendo.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a scenario's CPU went: the CPU time of each named process of the stack together with its descendants
 * (PostgreSQL's backends, nginx's workers), the generator's own, and the whole machine's busy time from
 * {@code /proc/stat}, over a measured stretch, per unit of work. On a small machine whose cores every process shares,
 * this says which one a figure was limited by.
 */
final class StackCpu {

    private final Map<String, Long> processes;
    private final int clockTicks;

    private StackCpu(Map<String, Long> processes, int clockTicks) {
        this.processes = processes;
        this.clockTicks = clockTicks;
    }

    /** The processes of {@code --stack-pids=name:pid,...} (none when absent), and this generator. */
    static StackCpu of(Options options) {
        Map<String, Long> processes = new LinkedHashMap<>();
        for (String entry : options.optional("stack-pids").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            try {
                processes.put(entry.substring(0, colon), Long.parseLong(entry.substring(colon + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--stack-pids takes name:pid,..., not " + entry);
            }
        }
        processes.put("load generator", ProcessHandle.current().pid());
        return new StackCpu(processes, options.positive("clock-ticks", 100));
    }

    /** CPU seconds used so far by each process and its descendants, and by the machine ({@code machine}). */
    Map<String, Double> seconds() throws IOException {
        Map<String, Double> used = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : processes.entrySet()) {
            List<Long> tree = new ArrayList<>(List.of(process.getValue()));
            ProcessHandle.of(process.getValue()).ifPresent(root -> root.descendants().forEach(child -> tree.add(child.pid())));
            double seconds = 0;
            for (long pid : tree) {
                try {
                    seconds += new ServerProcess(pid, clockTicks).cpu().total();
                } catch (NoSuchFileException e) {
                    // a child that exited since the tree was listed
                }
            }
            used.put(process.getKey(), seconds);
        }
        used.put("machine", machineBusy());
        return used;
    }

    /** Prints and records each process's CPU per {@code unit} between two readings, busiest first, then the machine's. */
    static void report(Map<String, Double> before, Map<String, Double> after, long units, String unit, double wallSeconds,
                       Figures figures) {
        Map<String, Double> perUnit = new LinkedHashMap<>();
        after.keySet().forEach(name -> perUnit.put(name, Math.round((after.get(name) - before.get(name)) * 1e6 / Math.max(1, units)) / 1000.0));
        double unitsPerSecond = Math.max(1, units) / wallSeconds;
        StringBuilder line = new StringBuilder("CPU per " + unit + " (ms), by process with its children:");
        perUnit.entrySet().stream().filter(e -> !e.getKey().equals("machine"))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" %s %.2f (%.0f%% of a core);", e.getKey(), e.getValue(), e.getValue() * unitsPerSecond / 10)));
        int cores = Runtime.getRuntime().availableProcessors();
        line.append(String.format(" the machine %.2f (%.0f%% of its %d cores busy)", perUnit.get("machine"),
                perUnit.get("machine") * unitsPerSecond / 10 / cores, cores));
        figures.figure("cpu_ms_per_" + unit, perUnit, line.toString());
    }

    /** Seconds the machine's CPUs were busy (user, nice, system, irq, softirq, steal), summed over CPUs. */
    private double machineBusy() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] cpu = lines.filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow(() -> new IOException("no cpu line in /proc/stat"))
                    .trim().split("\\s+");
            long busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
            return busy / (double) clockTicks;
        }
    }
}
