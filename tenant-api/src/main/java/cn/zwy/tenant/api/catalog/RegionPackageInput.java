package cn.zwy.tenant.api.catalog;

import java.util.List;

/**
 * A package a province's or a city's administrator defines for its counties (G3, S7, ADR 0032): a new one ({@code id}
 * null) or a new version. {@code standardItemIds}: 2–10 items of the province's standard catalog, in effect today, in
 * the order the form asks them; a county that publishes a guide of every one of them offers the package.
 */
public record RegionPackageInput(String id, String name, LifeEvent lifeEvent, String description, ReviewMode reviewMode,
                                 List<String> standardItemIds) {}
