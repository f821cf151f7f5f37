package cn.zwy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmarks' result files in docs/benchmarks/: a run rewrites what stands above the marker, people write below it. */
final class Reports {

    static final String KEPT = "<!-- kept: the benchmark rewrites only what is above this line -->";

    private Reports() {}

    /** Writes the run's figures, keeping what people wrote below the marker (analysis, profiles) of the file as it was. */
    static void write(Path report, String figures) throws IOException {
        Files.createDirectories(report.toAbsolutePath().getParent());
        String kept = KEPT + '\n';
        if (Files.exists(report)) {
            String old = Files.readString(report);
            int at = old.indexOf(KEPT);
            if (at >= 0) kept = old.substring(at);
        }
        Files.writeString(report, figures + '\n' + kept);
        System.out.println("written " + report);
    }
}
