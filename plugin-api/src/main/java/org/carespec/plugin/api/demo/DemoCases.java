package org.carespec.plugin.api.demo;

/**
 * Demo data a module brings for the run command's demo tenants: the platform makes a contract for the module
 * between the commissioner and provider it names (by default the tenant's first commissioner and the demo provider),
 * then hands the module a {@link DemoSession} that works through the platform's own API as a practitioner of that
 * provider, so demo cases are validated, ruled on, clocked and audited like real ones. Loaded once, on the first
 * start with demo data on; a module may contribute several, one contract each.
 */
public interface DemoCases {

    /** The demo tenant the cases belong to ({@code kirklees}, {@code dorset}). */
    String tenant();

    /** The contract's title as the commissioner names it. */
    String contractTitle();

    /** The contract's annual value in pence. */
    long annualValuePence();

    /**
     * The contract's reference; each distinct reference of a module in a tenant is its own demo contract, so a module
     * may bring several (two parts of a specification, two providers). {@code null}: {@code DEMO/<MODULE-ID>}.
     */
    default String contractReference() {
        return null;
    }

    /** The commissioner's organisation by name, or {@code null} for the tenant's first commissioner. */
    default String commissioner() {
        return null;
    }

    /**
     * The provider's organisation by name, or {@code null} for the demo practitioner's; the cases are entered as a
     * practitioner of that provider (one is made through the API if it has none).
     */
    default String provider() {
        return null;
    }

    /** The specification part the contract commissions, for a module in parts. */
    default String specificationPart() {
        return null;
    }

    /** Records the cases; dates should follow {@link DemoSession#today()} so a fresh demo always has recent work. */
    void load(DemoSession session);
}
