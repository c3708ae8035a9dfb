package org.carespec.platform.plantedcycleb;

/** Deliberately the other half of a package cycle (see {@code PlantedCycleA}). */
public class PlantedCycleB {

    public org.carespec.platform.plantedcyclea.PlantedCycleA other() {
        return new org.carespec.platform.plantedcyclea.PlantedCycleA();
    }
}
