package dev.zendo.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server under test as the kernel sees it: CPU time (utime + stime of {@code /proc/<pid>/stat}, in clock ticks)
 * and resident memory ({@code VmRSS} of {@code /proc/<pid>/status}).
 *
 * @param pid        its process id
 * @param clockTicks ticks per second ({@code getconf CLK_TCK})
 */
record ServerProcess(long pid, int clockTicks) {

    /** CPU time used so far, in user space and in the kernel. */
    CpuTime cpu() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new CpuTime(Long.parseLong(fields[11]) / (double) clockTicks, Long.parseLong(fields[12]) / (double) clockTicks);
    }

    /** CPU seconds in user space and in the kernel (system calls, and the loopback's TCP work done on their behalf). */
    record CpuTime(double user, double system) {

        double total() {
            return user + system;
        }

        CpuTime since(CpuTime before) {
            return new CpuTime(user - before.user, system - before.system);
        }
    }

    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    /** Kills it at once (SIGKILL), as a crash would. */
    void kill() {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
}
