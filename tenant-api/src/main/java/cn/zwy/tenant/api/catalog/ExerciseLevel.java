package cn.zwy.tenant.api.catalog;

import cn.zwy.tenant.api.region.RegionLevel;

/** Level of exercise (行使层级): which administrative levels carry out an item (T1 order, highest first). */
public enum ExerciseLevel {
    PROVINCE("省级"), CITY("市级"), COUNTY("县级"), TOWN("乡级"), VILLAGE("村级");

    private final String label;

    ExerciseLevel(String label) { this.label = label; }

    public String label() { return label; }

    public static ExerciseLevel of(RegionLevel level) {
        return valueOf(level.name());
    }
}
