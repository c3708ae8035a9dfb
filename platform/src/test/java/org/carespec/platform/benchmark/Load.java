package org.carespec.platform.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/** Closed-loop load: N clients each send a request, wait for the answer, and send the next. */
final class Load {

    /** What a measured window saw: requests that started and finished inside it, latency percentiles, errors. */
    record Result(int clients, long requests, long errors, double seconds, double p50Millis, double p95Millis,
                  double p99Millis, double maxMillis, List<String> firstErrors) {

        double perSecond() {
            return requests / seconds;
        }

        static Result of(int clients, long errors, double seconds, long[] sortedNanos, List<String> firstErrors) {
            return new Result(clients, sortedNanos.length, errors, seconds, percentile(sortedNanos, 50),
                    percentile(sortedNanos, 95), percentile(sortedNanos, 99), percentile(sortedNanos, 100),
                    firstErrors);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1_000_000.0;
        }
    }

    private Load() {
    }

    /**
     * Runs {@code clients} threads for {@code warmUp + measure}; each calls {@code request.apply(client)} (true when
     * the answer was the one expected) in a loop. Only calls inside the measured window count.
     */
    static Result run(int clients, Duration warmUp, Duration measure, IntFunction<IntPredicate> requests)
            throws InterruptedException {
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + measure.toNanos();
        List<long[]> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<Integer, Integer> counts = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long[] latencies = new long[2_000_000];
            perClient.add(latencies);
            int client = i;
            IntPredicate request = requests.apply(client);
            threads.add(new Thread(() -> {
                int n = 0;
                int sequence = 0;
                while (true) {
                    long before = System.nanoTime();
                    if (before >= end) {
                        break;
                    }
                    boolean ok;
                    try {
                        ok = request.test(sequence++);
                    } catch (RuntimeException e) {
                        ok = false;
                        if (firstErrors.size() < 5) {
                            firstErrors.add(e.toString());
                        }
                    }
                    long after = System.nanoTime();
                    if (before >= start && after <= end) {
                        if (ok) {
                            latencies[n++] = after - before;
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
                counts.put(client, n);
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        long[] all = new long[(int) total];
        int k = 0;
        for (int i = 0; i < clients; i++) {
            int n = counts.get(i);
            System.arraycopy(perClient.get(i), 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        return Result.of(clients, errors.get(), measure.toNanos() / 1e9, all, List.copyOf(firstErrors));
    }
}
