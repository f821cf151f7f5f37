package cn.zwy.cases.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only PDF, OFD, JPEG and PNG, known by their bytes; a file's name or declared type never decides. */
class ContentSnifferTest {

    @Test
    void realFilesOfTheFourKindsAreRecognised() {
        assertThat(ContentSniffer.sniff(Samples.pdf())).contains(MaterialType.PDF);
        assertThat(ContentSniffer.sniff(Samples.png())).contains(MaterialType.PNG);
        assertThat(ContentSniffer.sniff(Samples.jpeg())).contains(MaterialType.JPEG);
        assertThat(ContentSniffer.sniff(Samples.ofd())).contains(MaterialType.OFD);
    }

    @Test
    void disguisedExecutableIsRefused() {
        // an .exe renamed .pdf: its bytes say MZ, whatever it is called
        assertThat(ContentSniffer.sniff(Samples.exe())).isEmpty();
    }

    @Test
    void htmlNamedPngIsRefused() {
        assertThat(ContentSniffer.sniff(Samples.html())).isEmpty();
        assertThat(ContentSniffer.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aZipIsAnOfdOnlyWithAnOfdEntryPoint() {
        // a ZIP (an Office document, an archive) without OFD.xml
        assertThat(ContentSniffer.sniff(Samples.zip(Map.of("word/document.xml", "<w:document/>")))).isEmpty();
        // OFD.xml not at the root
        assertThat(ContentSniffer.sniff(Samples.zip(Map.of("docs/OFD.xml", Samples.OFD_XML)))).isEmpty();
        // an entry called OFD.xml that is not an OFD document
        assertThat(ContentSniffer.sniff(Samples.zip(Map.of("OFD.xml", "<html>hello</html>")))).isEmpty();
        // a truncated ZIP
        byte[] ofd = Samples.ofd();
        assertThat(ContentSniffer.sniff(Arrays.copyOf(ofd, 20))).isEmpty();
    }

    @Test
    void aMagicNumberAloneIsNotEnough() {
        assertThat(ContentSniffer.sniff(Arrays.copyOf(Samples.png(), 8))).isEmpty();   // signature without IHDR
        assertThat(ContentSniffer.sniff("%PDF-".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ContentSniffer.sniff("%PDF-x".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ContentSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isEmpty();
        assertThat(ContentSniffer.sniff(new byte[0])).isEmpty();
        assertThat(ContentSniffer.sniff(null)).isEmpty();
        // a PDF header somewhere later does not make a PDF
        byte[] html = Samples.html();
        byte[] mixed = new byte[html.length + Samples.pdf().length];
        System.arraycopy(html, 0, mixed, 0, html.length);
        System.arraycopy(Samples.pdf(), 0, mixed, html.length, Samples.pdf().length);
        assertThat(ContentSniffer.sniff(mixed)).isEmpty();
    }

    @Test
    void theSendersNameIsKeptForDisplayOnly() {
        assertThat(MaterialUploads.displayName("C:\\Users\\张三\\身份证正面.jpg", MaterialType.JPEG)).isEqualTo("身份证正面.jpg");
        assertThat(MaterialUploads.displayName("../../etc/passwd", MaterialType.PDF)).isEqualTo("passwd");
        // a right-to-left override would show "gpj.exe" as "exe.jpg"
        assertThat(MaterialUploads.displayName("invoice\u202Egpj.exe", MaterialType.PDF)).isEqualTo("invoicegpj.exe");
        assertThat(MaterialUploads.displayName("  ", MaterialType.OFD)).isEqualTo("材料.ofd");
        assertThat(MaterialUploads.displayName("a".repeat(500), MaterialType.PNG)).hasSize(200);
    }

    @Test
    void theSha256IsOfTheExactBytes() {
        // SHA-256 of "abc" (FIPS 180-2 test vector)
        assertThat(MaterialUploads.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
