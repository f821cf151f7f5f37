package cn.zwy.tenant.api.region;

/** Administrative levels (T1), recognisable from the length of the code. */
public enum RegionLevel {
    PROVINCE(2), CITY(4), COUNTY(6), TOWN(9), VILLAGE(12);

    private final int codeLength;

    RegionLevel(int codeLength) { this.codeLength = codeLength; }

    public int codeLength() { return codeLength; }
}
