package cn.zwy.cases.api;

/** Which of a tenant's queues the inbox shows. */
public enum InboxFilter {
    /**
     * The tenant's own open cases; a case filed at another region's hall only once it has arrived (C12);
     * with a {@code departmentId}, only those assigned to that department (its queue, T5).
     */
    OWN,
    /**
     * Cases the tenant's hall received for another (owning) tenant (同城通办/异地, C12): to check and
     * forward, and to hand the result over where the delivery mode goes through this hall.
     */
    RECEIVED_FOR_OTHERS,
    /** Cases a lower level sent up to this tenant (跨层联办, C11), waiting for its reply or answered. */
    ESCALATED_TO_US,
    /**
     * Cases received at the caller's own station (三级全程代理, T3), for its agents: to forward to the
     * centre, follow and answer the applicant (also before they arrived at the centre, and until delivered).
     */
    AT_MY_STATION
}
