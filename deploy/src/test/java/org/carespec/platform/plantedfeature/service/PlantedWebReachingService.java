package org.carespec.platform.plantedfeature.service;

/** Deliberately a service that knows the web layer, so {@code ArchitectureTest} can show its layer rule catches it. */
public class PlantedWebReachingService {

    public org.carespec.platform.web.RequestIdFilter filter() {
        return new org.carespec.platform.web.RequestIdFilter();
    }
}
