package cn.zwy.bench;

/** {@code java -jar benchmarks.jar [scale|cases|booking|search|chaos|comparison|queue]}: which benchmark (scale when none is named). */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "scale" : args[0];
        switch (which) {
            case "scale" -> ScaleBenchmark.main(args);
            case "cases" -> CaseLifecycleBenchmark.main(args);
            case "booking" -> BookingBurstBenchmark.main(args);
            case "search" -> GuideSearchBenchmark.main(args);
            case "chaos" -> ChaosBenchmark.main(args);
            case "comparison" -> ComparisonBenchmark.main(args);
            case "queue" -> QueueCallBenchmark.main(args);
            default -> throw new IllegalArgumentException("unknown benchmark " + which + " (scale, cases, booking, search, chaos, comparison or queue)");
        }
    }
}
