package cn.zwy.tenant.api.catalog;

import java.util.List;

/**
 * A package as the centre administrator defines it (G3): a new one ({@code id} null) or a new version of
 * one. {@code itemIds}: 2–10 published items of the tenant ({@code <tenant>:<uuid>}), in the order the
 * form asks them. {@code reviewMode}: V3, default PER_ITEM.
 */
public record PackageInput(String id, String name, LifeEvent lifeEvent, String description, ReviewMode reviewMode,
                           List<String> itemIds) {}
