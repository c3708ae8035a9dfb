package org.carespec.platform.referral.repository;

import java.util.UUID;

/** Published when a referral's clocks are stored afresh, so that what was counted from them can be counted again. */
public record ClocksChanged(UUID tenantId, UUID providerId) {
}
