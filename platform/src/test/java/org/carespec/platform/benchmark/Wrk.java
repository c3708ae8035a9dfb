package org.carespec.platform.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from wrk, a separate process (Debian: {@code apt-get install wrk}), so the server's JVM does not also pay for
 * the load: {@code clients} connections on two threads, each sending requests from a file through a Lua script
 * under {@code benchmarks/wrk} that ends by printing one RESULT line.
 */
final class Wrk {

    private static final Pattern RESULT = Pattern.compile("RESULT requests=(\\d+) seconds=([0-9.]+) errors=(\\d+)"
            + " p50=([0-9.]+) p95=([0-9.]+) p99=([0-9.]+) max=([0-9.]+)");

    private Wrk() {
    }

    /**
     * @param script      the Lua script, relative to the platform module
     * @param requests    the file the script reads its requests from ({@code BENCH_WRK_DATA})
     * @param environment anything else the script reads
     */
    static Load.Result run(URI server, int clients, Duration duration, String script, Path requests,
                           Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(System.getenv().getOrDefault("WRK", "wrk"), "-t2",
                "-c" + clients, "-d" + duration.toSeconds() + "s", "--timeout", "10s", "-s", script,
                server.toString()).redirectErrorStream(true);
        builder.environment().put("BENCH_WRK_DATA", requests.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no RESULT line from wrk: " + output);
        }
        return new Load.Result(clients, Long.parseLong(m.group(1)), Long.parseLong(m.group(3)),
                Double.parseDouble(m.group(2)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7)), List.of(output));
    }
}
