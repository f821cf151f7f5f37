package cn.zwy.cases.api;

/**
 * How the result reaches the applicant. WINDOW_PICKUP and EXPRESS at home; the four of C12 where the
 * case was filed at another region's hall.
 */
public enum DeliveryMode {
    WINDOW_PICKUP, EXPRESS,
    /** C12 (1): the owning authority issues and sends it by express. */
    OWNER_EXPRESS,
    /** C12 (2): the owner issues, sent to the receiving hall for pickup. */
    OWNER_TO_RECEIVING_HALL,
    /** C12 (3): the receiving hall issues and sends it by express. */
    RECEIVING_HALL_EXPRESS,
    /** C12 (4): the receiving hall issues, picked up there. */
    RECEIVING_HALL_PICKUP;

    public boolean crossRegionOnly() { return this != WINDOW_PICKUP && this != EXPRESS; }
}
