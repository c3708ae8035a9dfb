package org.carespec.platform.obligation.service;

import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An evidence file on an obligation occurrence, without its content ({@code GET …/evidence/{id}} gives that). */
@Serdeable
public record EvidenceView(UUID id, String filename, String contentType, int size, String sha256, String uploadedBy,
                           OffsetDateTime uploadedAt) {
}
