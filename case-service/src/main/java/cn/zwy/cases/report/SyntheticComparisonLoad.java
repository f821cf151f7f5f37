package cn.zwy.cases.report;

import static cn.zwy.cases.report.Contribution.Unit;

import cn.zwy.common.tenant.TenantTransactions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The comparison benchmark's bulk load ({@code ./platform bench comparison}, ADR 0024), off unless
 * {@code zwy.comparison.synthetic-load.cases} is set: that many synthetic cases across {@code counties} counties of
 * province {@code province} (codes {@code 44ccnn}, none of them a real tenant), each with its acceptance, completion on
 * time or late (through the window or the applicant), review or none, visits and now and then a complaint, spread over
 * the past year, added to the read model by {@link ComparisonRollup#add} — the code every event goes through — a
 * county at a time in one transaction bound to that county. Runs once in the background after start-up and logs its
 * progress and the time it took ("comparison synthetic load: done").
 */
@Component
@ConditionalOnProperty(name = "zwy.comparison.synthetic-load.cases")
class SyntheticComparisonLoad implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyntheticComparisonLoad.class);

    private final ComparisonRollup rollup;
    private final TenantTransactions tx;
    private final long cases;
    private final int counties;
    private final String province;

    SyntheticComparisonLoad(ComparisonRollup rollup, TenantTransactions tx, @Value("${zwy.comparison.synthetic-load.cases}") long cases,
                            @Value("${zwy.comparison.synthetic-load.counties:120}") int counties,
                            @Value("${zwy.comparison.synthetic-load.province:44}") String province) {
        this.rollup = rollup;
        this.tx = tx;
        this.cases = cases;
        this.counties = counties;
        this.province = province;
    }

    @Override
    public void run(ApplicationArguments args) {
        Thread t = new Thread(this::load, "comparison-synthetic-load");
        t.setDaemon(true);
        t.start();
    }

    static String county(String province, int i) {
        return province + "%02d%02d".formatted(1 + i / 6, 1 + i % 6);
    }

    private void load() {
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now(WindowReports.HALLS);
        long done = 0;
        for (int i = 0; i < counties; i++) {
            String county = county(province, i);
            long n = cases / counties + (i < cases % counties ? 1 : 0);
            List<Contribution> batch = county(county, n, today, new SplittableRandom(i));
            long c0 = System.nanoTime();
            tx.write(county, () -> {
                rollup.add(batch);
                return null;
            });
            done += n;
            log.info("comparison synthetic load: county {} ({} of {}): {} cases, {} contributions, written in {} ms; {} cases so far in {} s",
                    county, i + 1, counties, n, batch.size(), (System.nanoTime() - c0) / 1_000_000, done, (System.nanoTime() - t0) / 1_000_000_000);
        }
        log.info("comparison synthetic load: done: {} cases across {} counties of {} in {} s", done, counties, province,
                (System.nanoTime() - t0) / 1_000_000_000);
    }

    /** One county's cases: 3 halls of 8 windows with 2 staff members each; accepted over the past 365 days. */
    private static List<Contribution> county(String county, long n, LocalDate today, SplittableRandom random) {
        Unit[] units = new Unit[48];
        for (int h = 0; h < 3; h++) {
            String hall = UUID.nameUUIDFromBytes((county + "/hall/" + h).getBytes()).toString();
            for (int w = 0; w < 8; w++) {
                for (int s = 0; s < 2; s++) {
                    units[h * 16 + w * 2 + s] = new Unit(hall, county + " 政务服务中心 " + (h + 1), "综合窗口 " + (h + 1) + "-" + (w + 1),
                            "综合窗口 " + (h + 1) + "-" + (w + 1), county + "-staff-" + h + w + s, "工作人员 " + h + w + s);
                }
            }
        }
        // a county's own quality, so the ranking has something to rank
        double lateShare = 0.01 + random.nextDouble() * 0.08;
        double goodShare = 0.90 + random.nextDouble() * 0.09;
        List<Contribution> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, n * 3));
        for (long k = 0; k < n; k++) {
            Unit u = units[random.nextInt(units.length)];
            LocalDate accepted = today.minusDays(random.nextInt(365));
            out.add(Contribution.of(county, accepted, u, Measure.ACCEPTED, Measure.VISITS));
            LocalDate completed = accepted.plusDays(random.nextInt(15));
            if (completed.isAfter(today)) continue;
            double r = random.nextDouble();
            if (r < lateShare) out.add(Contribution.of(county, completed, u, Measure.COMPLETED, Measure.OVERDUE));
            else if (r < lateShare + 0.005) out.add(Contribution.of(county, completed, u, Measure.COMPLETED, Measure.OVERDUE_APPLICANT));
            else out.add(Contribution.of(county, completed, u, Measure.COMPLETED, Measure.COMPLETED_ON_TIME));
            double v = random.nextDouble();
            if (v < 0.6) {
                out.add(Contribution.of(county, completed, u, Measure.REVIEWS, random.nextDouble() < goodShare ? Measure.GOOD_REVIEWS : Measure.BAD_REVIEWS));
            } else if (v < 0.8) {
                out.add(Contribution.of(county, completed, u, Measure.UNRATED));
            }
            if (random.nextInt(500) == 0) {
                out.add(Contribution.of(county, completed, u, Measure.COMPLAINTS, Measure.COMPLAINTS_ACCEPTED));
                out.add(Contribution.of(county, completed, u, Measure.COMPLAINTS_CLOSED,
                        random.nextInt(3) == 0 ? Measure.COMPLAINTS_VERIFIED : Measure.COMPLAINTS_SATISFIED));
            }
        }
        return out;
    }
}
