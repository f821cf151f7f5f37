package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.api.catalog.SixWay;

/**
 * Filters of the item list (S7: the 容缺 and 同城通办 catalogs are filters of it).
 * @param text            part of the name, or the start of the basic code
 * @param crossRegion     items filable at least this widely
 * @param includeUnpublished staff of the tenant only: every adopted item, drafts included
 */
public record ItemFilter(String text, ItemType itemType, CaseClass caseClass, SixWay tag, Boolean toleratedMissing,
                         CrossRegionScope crossRegion, Boolean includeUnpublished) {}
