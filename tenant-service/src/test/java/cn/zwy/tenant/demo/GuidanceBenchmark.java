package cn.zwy.tenant.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.Guidance;
import cn.zwy.tenant.api.catalog.Questionnaire;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * G2's measure: what situation-based guidance adds to a guide read. A guide read parses the stored
 * version (JSON) and answers it; guidance parses the same version and walks its questionnaire. This
 * times both on the demo guides with questionnaires, every path answered in full, and prints the
 * figures kept in docs/benchmarks/guidance.md. Run: mvn -pl tenant-service test -Dtest=GuidanceBenchmark
 */
class GuidanceBenchmark {

    @Test
    void questionnaireEvaluationAddsLittleToAGuideRead_G2() {
        JsonMapper json = JsonMapper.builder().build();
        List<String> stored = new ArrayList<>();
        List<List<Guidance.Answer>> paths = new ArrayList<>();
        for (DemoCatalog.Template t : DemoCatalog.templates("44")) {
            GuideContent c = DemoCatalog.localise(t, DemoCatalog.TENANTS.getFirst());
            if (c.questionnaire() == null) continue;
            for (List<Guidance.Answer> path : paths(c.questionnaire())) {
                stored.add(json.writeValueAsString(c));
                paths.add(path);
            }
        }
        int n = 20_000;
        long[] read = new long[n];
        long[] guided = new long[n];
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            for (int i = 0; i < n; i++) {
                String s = stored.get(i % stored.size());
                long t0 = System.nanoTime();
                GuideContent c = json.readValue(s, GuideContent.class);
                long t1 = System.nanoTime();
                Guidance.Result r = Guidance.evaluate(c.questionnaire(), paths.get(i % paths.size()));
                long t2 = System.nanoTime();
                if (!r.complete()) throw new IllegalStateException("a full path ends in an outcome");
                read[i] = t1 - t0;
                guided[i] = t2 - t1;
            }
        }
        Arrays.sort(read);
        Arrays.sort(guided);
        System.out.printf("guidance benchmark: %d demo paths, %d reads%n", paths.size(), n);
        System.out.printf("  guide read (parse of the stored version): p50 %.3f ms, p99 %.3f ms%n", ms(read, 0.50), ms(read, 0.99));
        System.out.printf("  added by the questionnaire walk:          p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                ms(guided, 0.50), ms(guided, 0.99), guided[n - 1] / 1e6);
        assertThat(ms(guided, 0.99)).as("G2: p99 added to a guide read, ms").isLessThan(5.0);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    /** Every full path of a questionnaire (numbers answered with their range's lower or upper end). */
    static List<List<Guidance.Answer>> paths(Questionnaire q) {
        List<List<Guidance.Answer>> out = new ArrayList<>();
        walk(q, q.questions().getFirst(), new ArrayList<>(), out);
        return out;
    }

    private static void walk(Questionnaire q, Questionnaire.Question at, List<Guidance.Answer> path, List<List<Guidance.Answer>> out) {
        for (Questionnaire.Option o : at.options()) {
            String value = o.value() != null ? o.value() : String.valueOf(o.min() != null ? o.min() : o.max());
            List<Guidance.Answer> next = new ArrayList<>(path);
            next.add(new Guidance.Answer(at.id(), value));
            Questionnaire.Question q2 = q.questions().stream().filter(x -> x.id().equals(o.next())).findFirst().orElse(null);
            if (q2 == null) out.add(next); else walk(q, q2, next, out);
        }
    }
}
