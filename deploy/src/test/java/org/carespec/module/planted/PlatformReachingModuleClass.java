package org.carespec.module.planted;

/** Deliberately breaks the module boundary, so {@code ArchitectureTest} can show its rule catches it. */
public class PlatformReachingModuleClass {

    public Object reachIntoThePlatform() {
        return org.carespec.platform.database.Ids.newId();
    }
}
