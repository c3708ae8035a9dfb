package org.carespec.platform.plantedcyclea;

/** Deliberately one half of a package cycle, so {@code ArchitectureTest} can show its cycle rule catches one. */
public class PlantedCycleA {

    public org.carespec.platform.plantedcycleb.PlantedCycleB other() {
        return new org.carespec.platform.plantedcycleb.PlantedCycleB();
    }
}
