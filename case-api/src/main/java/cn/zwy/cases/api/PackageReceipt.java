package cn.zwy.cases.api;

import java.time.Instant;
import java.util.List;

/** The receipt of a package filing (G3): the package case and one receipt per part case, each in its department. */
public record PackageReceipt(String packageCaseId, String packageName, Instant submittedAt, List<Receipt> parts, boolean replayed) {}
