package org.carespec.platform.identity.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Slows password guessing without letting anyone lock a real person out (issue 17, finding 3). Ten wrong passwords
 * used to lock an account for fifteen minutes, from anywhere: anyone who knew an address could keep its owner out.
 * Now failed sign-ins are counted three ways, each forgotten {@link #WINDOW} after its last failure:
 * <ul>
 * <li>by client address and account: after {@code carespec.login.free-failures} (5) each further try from that
 * address for that account waits twice as long as the last ({@code first-wait}, 1 s, then 2 s, 4 s … at most
 * {@link #LONGEST});</li>
 * <li>by client address, whatever the account: the same after {@code free-failures-per-address} (20), against one
 * address trying many accounts;</li>
 * <li>by account, from addresses that have never signed in to it: the same after {@code free-failures-per-account}
 * (10), against many addresses guessing one account. An address the person has signed in from in the last 30 days
 * is not slowed by this one, so a flood from elsewhere does not keep them out.</li>
 * </ul>
 * A throttled try is refused before its password is checked (no hashing work: a flood costs little) with 429 and
 * {@code Retry-After}. Counts are kept in this instance's memory, bounded in size; behind a load balancer set
 * {@code carespec.security.client-address-header} so that the client's address is the one counted.
 */
@Singleton
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LONGEST = Duration.ofMinutes(15);
    private static final Duration REMEMBERED = Duration.ofDays(30);
    private static final long MOST_KEYS = 100_000;

    private final Clock clock;
    private final Duration firstWait;
    private final int freePerPair;
    private final int freePerAddress;
    private final int freePerAccount;
    private final Cache<String, Failures> pairs = failures();
    private final Cache<String, Failures> addresses = failures();
    private final Cache<String, Failures> accounts = failures();
    private final Cache<String, Boolean> known = Caffeine.newBuilder().maximumSize(MOST_KEYS)
            .expireAfterWrite(REMEMBERED).build();

    public LoginThrottle(Clock clock, @Value("${carespec.login.first-wait:1s}") Duration firstWait,
                         @Value("${carespec.login.free-failures:5}") int freePerPair,
                         @Value("${carespec.login.free-failures-per-address:20}") int freePerAddress,
                         @Value("${carespec.login.free-failures-per-account:10}") int freePerAccount) {
        this.clock = clock;
        this.firstWait = firstWait;
        this.freePerPair = freePerPair;
        this.freePerAddress = freePerAddress;
        this.freePerAccount = freePerAccount;
    }

    private static Cache<String, Failures> failures() {
        return Caffeine.newBuilder().maximumSize(MOST_KEYS).expireAfterAccess(WINDOW).build();
    }

    /** How long this address must wait before trying this e-mail address again; empty when it may try now. */
    public Optional<Duration> waitFor(String address, String email) {
        Instant now = clock.instant();
        Stream<Failures> counted = Stream.of(pairs.getIfPresent(pair(address, email)),
                addresses.getIfPresent(address),
                isKnown(address, email) ? null : accounts.getIfPresent(email));
        return counted.filter(f -> f != null).map(f -> f.waitAt(now)).filter(d -> !d.isNegative() && !d.isZero())
                .max(Duration::compareTo);
    }

    /** A wrong e-mail address or password from this address. */
    public void failed(String address, String email) {
        Instant now = clock.instant();
        pairs.asMap().compute(pair(address, email), (k, f) -> next(f, freePerPair, now));
        addresses.asMap().compute(address, (k, f) -> next(f, freePerAddress, now));
        if (!isKnown(address, email)) {
            accounts.asMap().compute(email, (k, f) -> next(f, freePerAccount, now));
        }
    }

    /** A sign-in: this address is known for the account, and its own count starts again. */
    public void succeeded(String address, String email) {
        pairs.invalidate(pair(address, email));
        known.put(pair(address, email), Boolean.TRUE);
    }

    private boolean isKnown(String address, String email) {
        return known.getIfPresent(pair(address, email)) != null;
    }

    private static String pair(String address, String email) {
        return address + "\n" + email;
    }

    private Failures next(Failures before, int free, Instant now) {
        int count = before == null ? 1 : before.count() + 1;
        Instant notBefore = count <= free ? now : now.plus(wait(firstWait, count - free));
        return new Failures(count, notBefore);
    }

    /** The first wait for the first failure past the free ones, doubling with each, at most {@link #LONGEST}. */
    static Duration wait(Duration first, int pastFree) {
        Duration wait = first;
        for (int i = 1; i < pastFree && wait.compareTo(LONGEST) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }

    private record Failures(int count, Instant notBefore) {
        Duration waitAt(Instant now) {
            return Duration.between(now, notBefore);
        }
    }
}
