package org.carespec.platform.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the machine's CPU went during a measured window, from Linux's own accounting ({@code /proc}): this JVM (the
 * platform), every {@code postgres} process (the server's backends and helpers), and the rest of the machine's busy
 * time (the load generator, the kernel's loopback networking, anything else). Used to say what a request costs
 * rather than guess it. On a machine without {@code /proc} it reports nothing.
 */
final class CpuAccount {

    /** Clock ticks per second of {@code /proc}'s counters; 100 on every Linux this runs on ({@code getconf CLK_TCK}). */
    private static final double TICKS_PER_SECOND = 100.0;

    record Snapshot(long jvmTicks, long postgresTicks, long machineBusyTicks) {
    }

    private CpuAccount() {
    }

    static Snapshot snapshot() {
        try {
            return new Snapshot(processTicks(Path.of("/proc/self/stat"), false), postgresTicks(), machineBusyTicks());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One line: milliseconds of CPU per request for each part, and the share of the two cores each took. */
    static String describe(String what, Snapshot before, Snapshot after, long requests, double seconds) {
        if (before == null || after == null || requests == 0) {
            return what + ": not available (no /proc)";
        }
        double jvm = ms(after.jvmTicks() - before.jvmTicks());
        double postgres = ms(after.postgresTicks() - before.postgresTicks());
        double busy = ms(after.machineBusyTicks() - before.machineBusyTicks());
        double rest = Math.max(0, busy - jvm - postgres);
        int cores = Runtime.getRuntime().availableProcessors();
        double capacity = cores * seconds * 1000;
        return String.format(Locale.ROOT, "%s: platform JVM %.3f ms, PostgreSQL %.3f ms, load generator"
                        + " and kernel %.3f ms, total %.3f ms; %d cores %.0f%% busy", what, jvm / requests,
                postgres / requests, rest / requests, busy / requests, cores, 100 * busy / capacity);
    }

    private static double ms(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /**
     * utime + stime (fields 14 and 15 of /proc/PID/stat, counted after the parenthesised command name), and with
     * {@code reaped} also cutime + cstime: the time of children that ended, which is how a backend that exits (pgbench
     * disconnecting) stays counted, in its postmaster. This JVM's own children (wrk) are left out of its figure.
     */
    private static long processTicks(Path stat, boolean reaped) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return reaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }

    private static long postgresTicks() throws IOException {
        long total = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String line = Files.readString(process.resolve("stat"));
                    String command = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    if (command.startsWith("postgres")) {
                        total += processTicks(process.resolve("stat"), true);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended between the listing and the read
                }
            }
        }
        return total;
    }

    /** All busy time of the machine: the "cpu" line of /proc/stat less idle, iowait and steal. */
    private static long machineBusyTicks() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
        String[] f = lines.get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < f.length && i <= 7; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy;
    }
}
