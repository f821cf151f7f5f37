package cn.zwy.tenant.hall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record HallChangeView(String id, UUID hallId, Instant changedAt, String changedBy, String changedByName,
                             List<String> changedFields, HallState before, HallState after) {}
