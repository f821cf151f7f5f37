package cn.zwy.cases.report;

import cn.zwy.cases.api.Comparison;
import cn.zwy.cases.api.WindowReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The supervision reports as .xlsx workbooks (M1, M2), written with fastexcel from the very records the API answers,
 * so a download never shows other figures than the screen. Rates are fractions formatted as percentages; a missing
 * rate (nothing completed, no review) is an empty cell, not 0 %.
 */
final class Workbooks {

    private Workbooks() {}

    /** A column: its header and how a row's value is read. */
    private record Column<T>(String header, Function<T, Object> value) {}

    private static final List<Column<WindowReport.Figures>> WINDOW_COLUMNS = List.of(
            new Column<>("窗口", WindowReport.Figures::window),
            new Column<>("受理件数", WindowReport.Figures::accepted),
            new Column<>("办结件数", WindowReport.Figures::completed),
            new Column<>("按时办结", WindowReport.Figures::completedOnTime),
            new Column<>("按时办结率", WindowReport.Figures::onTimeRate),
            new Column<>("超期办结（窗口责任）", WindowReport.Figures::completedOverdue),
            new Column<>("在办超期（窗口责任）", WindowReport.Figures::openOverdue),
            new Column<>("申请人原因超期（不计）", WindowReport.Figures::overdueApplicantCaused),
            new Column<>("评价数", WindowReport.Figures::reviews),
            new Column<>("好评", WindowReport.Figures::goodReviews),
            new Column<>("差评", WindowReport.Figures::badReviews),
            new Column<>("未评价", WindowReport.Figures::unrated),
            new Column<>("好评率", WindowReport.Figures::goodRate),
            new Column<>("未评价率", WindowReport.Figures::unratedRate),
            new Column<>("投诉", WindowReport.Figures::complaints),
            new Column<>("投诉受理", WindowReport.Figures::complaintsAccepted),
            new Column<>("投诉属实", WindowReport.Figures::complaintsVerified));

    private static final List<Column<Comparison.Figures>> FIGURES = List.of(
            new Column<>("受理件数", Comparison.Figures::accepted),
            new Column<>("办结件数", Comparison.Figures::completed),
            new Column<>("按时办结", Comparison.Figures::completedOnTime),
            new Column<>("按时办结率", Comparison.Figures::onTimeRate),
            new Column<>("超期（窗口责任）", Comparison.Figures::overdue),
            new Column<>("申请人原因超期（不计）", Comparison.Figures::overdueApplicantCaused),
            new Column<>("叫号服务", Comparison.Figures::visits),
            new Column<>("评价数", Comparison.Figures::reviews),
            new Column<>("好评", Comparison.Figures::goodReviews),
            new Column<>("差评", Comparison.Figures::badReviews),
            new Column<>("未评价", Comparison.Figures::unrated),
            new Column<>("好评率", Comparison.Figures::goodRate),
            new Column<>("未评价率", Comparison.Figures::unratedRate),
            new Column<>("投诉", Comparison.Figures::complaints),
            new Column<>("投诉受理", Comparison.Figures::complaintsAccepted),
            new Column<>("投诉办结", Comparison.Figures::complaintsClosed),
            new Column<>("投诉属实", Comparison.Figures::complaintsVerified),
            new Column<>("投诉人满意", Comparison.Figures::complaintsSatisfied));

    static byte[] windowReport(String tenantName, WindowReport r) {
        return write(wb -> {
            Worksheet ws = wb.newWorksheet("窗口月报");
            ws.value(0, 0, tenantName + " " + r.month() + " 窗口月报（M1）");
            ws.value(1, 0, "统计截至 " + r.asOf() + "；超期只计窗口责任（C7）");
            header(ws, 3, WINDOW_COLUMNS.stream().map(Column::header).toList());
            int row = 4;
            for (WindowReport.Figures f : r.windows()) cells(ws, row++, 0, f, WINDOW_COLUMNS);
            cells(ws, row, 0, r.total(), WINDOW_COLUMNS);
            ws.range(row, 0, row, WINDOW_COLUMNS.size() - 1).style().bold().set();
        });
    }

    static byte[] comparison(String title, Comparison c) {
        return write(wb -> {
            Worksheet ws = wb.newWorksheet("比较");
            ws.value(0, 0, title);
            ws.value(1, 0, "统计期 " + c.period() + "（" + c.from() + " 至 " + c.to() + "），按 " + c.rankedBy() + " 排名；超期只计窗口责任（C7）");
            List<String> headers = new java.util.ArrayList<>(List.of("排名", "代码", "名称"));
            FIGURES.forEach(col -> headers.add(col.header()));
            header(ws, 3, headers);
            int row = 4;
            for (Comparison.Unit u : c.units()) {
                ws.value(row, 0, u.rank());
                ws.value(row, 1, u.key());
                ws.value(row, 2, u.name());
                cells(ws, row++, 3, u.figures(), FIGURES);
            }
            ws.value(row, 2, "合计");
            cells(ws, row, 3, c.total(), FIGURES);
            ws.range(row, 0, row, headers.size() - 1).style().bold().set();

            Worksheet trend = wb.newWorksheet("趋势");
            List<String> trendHeaders = new java.util.ArrayList<>(List.of("统计期"));
            FIGURES.forEach(col -> trendHeaders.add(col.header()));
            header(trend, 0, trendHeaders);
            int t = 1;
            for (Comparison.Point p : c.trend()) {
                trend.value(t, 0, p.period());
                cells(trend, t++, 1, p.figures(), FIGURES);
            }
        });
    }

    private interface Content {
        void write(Workbook wb) throws IOException;
    }

    private static byte[] write(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "zwy", "1.0");
            content.write(wb);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void header(Worksheet ws, int row, List<String> headers) {
        for (int i = 0; i < headers.size(); i++) ws.value(row, i, headers.get(i));
        ws.range(row, 0, row, headers.size() - 1).style().bold().set();
    }

    private static <T> void cells(Worksheet ws, int row, int firstColumn, T value, List<Column<T>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            Object v = columns.get(i).value().apply(value);
            int col = firstColumn + i;
            switch (v) {
                case null -> { }
                case Double d -> {
                    ws.value(row, col, d);
                    ws.style(row, col).format("0.00%").set();
                }
                case Integer n -> ws.value(row, col, n);
                default -> ws.value(row, col, v.toString());
            }
        }
    }
}
