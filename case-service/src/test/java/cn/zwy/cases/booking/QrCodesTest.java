package cn.zwy.cases.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG reads back as the booking's QR content: drawn from the SVG's squares and decoded by ZXing's reader. */
class QrCodesTest {

    @Test
    void theSvgDecodesToTheBookingCode() throws Exception {
        String content = QrCodes.content("441825", "K7M2QX9D");
        String svg = QrCodes.svg(content);
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int w = Integer.parseInt(box.group(1));
        int h = Integer.parseInt(box.group(2));
        int scale = 4;
        int[] pixels = new int[w * scale * h * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        int dark = 0;
        while (m.find()) {
            dark++;
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < scale; dy++) for (int dx = 0; dx < scale; dx++) pixels[(y * scale + dy) * w * scale + x * scale + dx] = 0xFF000000;
        }
        assertThat(dark).isPositive();
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w * scale, h * scale, pixels)))).getText();
        assertThat(read).isEqualTo("ZWY-APPT:441825:K7M2QX9D");
    }
}
