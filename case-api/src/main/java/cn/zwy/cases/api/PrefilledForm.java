package cn.zwy.cases.api;

import java.util.List;

/**
 * G4: the filing form of an item or a package with what is already known filled in, for the citizen to confirm:
 * from their profile (the verified name of their account) and from their earlier submissions (the values they last
 * typed for the same fields). {@code measure}: the fields the citizen types without and with the pre-filling.
 */
public record PrefilledForm(String id, String name, boolean oneThing, List<Field> fields, Measure measure) {

    /** Where a value came from. */
    public enum Source { PROFILE, EARLIER_SUBMISSION }

    /**
     * A field of the filing ({@code key}: SubmitCaseRequest's path, e.g. {@code contact.phone}); {@code value} null when
     * nothing is known. {@code sourceCaseNumber}: the case whose filing supplied it.
     */
    public record Field(String key, String label, boolean typed, String value, Source source, String sourceCaseNumber) {}

    public record Measure(int typedWithoutPrefill, int typedWithPrefill) {}
}
