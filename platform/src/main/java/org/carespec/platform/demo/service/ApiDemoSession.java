package org.carespec.platform.demo.service;

import java.time.LocalDate;
import java.util.Map;
import org.carespec.plugin.api.demo.DemoSession;

/** A module's demo cases, entered through the API as a practitioner of the contract's provider. */
final class ApiDemoSession implements DemoSession {

    private final DemoApi api;
    private final String token;
    private final String contract;
    private final LocalDate today;
    private final LocalDate contractStart;
    private final java.util.function.Supplier<String> staffWorker;
    private String worker;

    ApiDemoSession(DemoApi api, String token, String contract, LocalDate today, LocalDate contractStart,
                   java.util.function.Supplier<String> staffWorker) {
        this.api = api;
        this.token = token;
        this.contract = contract;
        this.today = today;
        this.contractStart = contractStart;
        this.staffWorker = staffWorker;
    }

    @Override
    public String staffWorker() {
        if (worker == null) {
            worker = staffWorker.get();
        }
        return worker;
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    public LocalDate contractStart() {
        return contractStart;
    }

    @Override
    public String contractId() {
        return contract;
    }

    @Override
    public Map<String, Object> send(String method, String path, Object body) {
        return api.send(method, path, token, body);
    }
}
