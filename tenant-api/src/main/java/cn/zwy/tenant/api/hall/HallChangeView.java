package cn.zwy.tenant.api.hall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of a hall's change record; {@code id} is its sequence number. */
public record HallChangeView(String id, UUID hallId, Instant changedAt, String changedBy, String changedByName,
                             List<String> changedFields, HallState before, HallState after) {}
