package cn.zwy.cases.api;

import java.time.Instant;
import java.util.List;

/**
 * The receipt of a package filing (G3): the package case and one receipt per part case, each in its department;
 * {@code skipped}: the items not filed because they do not apply in the applicant's situation (G2), with why.
 */
public record PackageReceipt(String packageCaseId, String packageName, Instant submittedAt, List<Receipt> parts, boolean replayed,
                             List<PackageCaseView.Skipped> skipped) {}
