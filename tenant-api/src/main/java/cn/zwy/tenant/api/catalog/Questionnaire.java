package cn.zwy.tenant.api.catalog;

import java.util.List;

/**
 * A situation-based guide (情形化指南, G2) kept as data with a guide version: a decision graph that
 * starts at the first question; each answer leads ({@code next}) to another question or to an
 * outcome, so only the questions on the applicant's path are asked. An outcome says which
 * sub-item applies, which of the guide's materials are needed and where to go (kiosk, online, a
 * window of the guide). Validated by {@link QuestionnaireRules} (no loop, every question and
 * outcome reachable), evaluated by {@link Guidance}; published and versioned with the guide (S6).
 */
public record Questionnaire(List<Question> questions, List<Outcome> outcomes) {

    public enum QuestionType { CHOICE, YES_NO, NUMBER }

    /** Where the applicant goes: a self-service kiosk (自助办), online (全网办) or a window. */
    public enum Channel { KIOSK, ONLINE, WINDOW }

    /**
     * @param options CHOICE: one per answer value; YES_NO: exactly YES and NO; NUMBER: ranges
     *                {@code min}..{@code max} (inclusive, either open) that do not overlap
     */
    public record Question(String id, String text, QuestionType type, String help, List<Option> options) {}

    /** @param next the id of the question asked next, or of the outcome reached */
    public record Option(String value, String label, Integer min, Integer max, String next) {}

    /**
     * @param subItem the sub-item (子项) that applies, when the item has several
     * @param materials names of the guide's materials this situation needs, each once
     * @param window for WINDOW (and as fallback for KIOSK): a window name of the guide; null: its first window
     * @param notApplicable the item does not apply in this situation (G2): nothing is filed for it, it names no
     *                      materials, and its title and notes say why (within a package, the part is skipped)
     */
    public record Outcome(String id, String title, String subItem, List<String> materials, Channel channel, String window,
                          String notes, Boolean notApplicable) {
        public Outcome {
            notApplicable = Boolean.TRUE.equals(notApplicable);
        }

        /** An outcome where the item applies (the usual case). */
        public Outcome(String id, String title, String subItem, List<String> materials, Channel channel, String window, String notes) {
            this(id, title, subItem, materials, channel, window, notes, false);
        }

        /** Why the item does not apply, for the applicant: the title, then the notes. */
        public String skipReason() {
            return notes == null || notes.isBlank() ? title : title + "：" + notes;
        }
    }
}
