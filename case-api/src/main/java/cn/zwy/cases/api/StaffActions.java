package cn.zwy.cases.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What a staff member sends with an action on a case. Every action names the {@code version} of
 * the case it was decided on (a stale version is a CONFLICT: another staff member acted first) and
 * the window it is taken at (C16).
 */
public final class StaffActions {

    private StaffActions() {}

    /**
     * Acceptance (C2; C3 completes an instant item at once). {@code toleratedMissing}: materials
     * accepted as missing under 容缺 (C5, only where the guide allows it), due by {@code toleratedDue}.
     */
    public record Accept(Long version, String window, List<String> toleratedMissing, LocalDate toleratedDue) {}

    /** The one-time notice (C2): every item at once. */
    public record Notice(Long version, String window, List<OneTimeNotice.Item> items) {}

    /** 不予受理 (C2): why, and which body the applicant should go to. */
    public record Reject(Long version, String window, String reason, String competentBody) {}

    /** The decision: approved, or denied with the reason. */
    public record Complete(Long version, String window, Boolean approved, String reason) {}

    /** The result handed over or sent ({@code note}: e.g. an express tracking number). */
    public record Deliver(Long version, String window, String note) {}

    /** C6: asked before the deadline, with a reason. */
    public record RequestExtension(Long version, String window, Integer days, String reason) {}

    /** C6: the centre administrator's decision. */
    public record DecideExtension(Long version, Boolean approved, String note) {}
}
