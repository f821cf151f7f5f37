package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.StandardItemView;

/**
 * The whole guide as one version shows it: the standard item as it stood (codes, names, legal
 * basis, legal limit) and the tenant's localisation. Stored with the version, so that a version
 * (and a case filed under it) reads the same forever, whatever the province changes later.
 */
public record GuideSnapshot(StandardItemView standard, GuideContent guide) {}
