package cn.zwy.cases.api;

import java.time.Instant;
import java.util.List;

/** The one-time notice (一次性告知书, C2): every missing or faulty material at once, each with how to fix it. */
public record OneTimeNotice(int round, Instant issuedAt, String issuedBy, String window, List<Item> items,
                            Instant answeredAt) {

    /** {@code problem}: MISSING or FAULTY. */
    public record Item(String material, String problem, String howToFix) {}
}
