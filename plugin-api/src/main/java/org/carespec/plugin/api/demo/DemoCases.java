package org.carespec.plugin.api.demo;

/**
 * Demo data a module brings for the run command's demo tenants: the platform makes a contract for the module
 * between the tenant's demo commissioner and demo provider, then hands the module a {@link DemoSession} that works
 * through the platform's own API as that provider's practitioner, so demo cases are validated, ruled on, clocked
 * and audited like real ones. Loaded once, on the first start with demo data on.
 */
public interface DemoCases {

    /** The demo tenant the cases belong to ({@code kirklees}, {@code dorset}). */
    String tenant();

    /** The contract's title as the commissioner names it. */
    String contractTitle();

    /** The contract's annual value in pence. */
    long annualValuePence();

    /** Records the cases; dates should follow {@link DemoSession#today()} so a fresh demo always has recent work. */
    void load(DemoSession session);
}
