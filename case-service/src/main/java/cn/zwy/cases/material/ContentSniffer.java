package cn.zwy.cases.material;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, from its bytes alone (magic numbers): the name and the declared content type
 * are the sender's claims and count for nothing, so an executable renamed {@code .pdf} or an HTML
 * page named {@code .png} is refused. OFD is a ZIP container, so a ZIP is an OFD only if it has
 * the {@code OFD.xml} entry point at its root and that entry is an OFD document (its root
 * element {@code ofd:OFD}); reading it is bounded, so a ZIP bomb cannot exhaust memory.
 */
public final class ContentSniffer {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_IHDR = {'I', 'H', 'D', 'R'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** Enough of OFD.xml to see its root element; an OFD.xml is a few KB at most. */
    private static final int OFD_XML_READ = 64 * 1024;
    /** Entries looked at before giving up (an OFD has a handful per page). */
    private static final int MAX_ZIP_ENTRIES = 10_000;
    /** The root element of OFD.xml: {@code <ofd:OFD …>} (any prefix, or none). */
    private static final java.util.regex.Pattern OFD_ROOT = java.util.regex.Pattern.compile("<([A-Za-z_][\\w.-]*:)?OFD[\\s>/]");

    private ContentSniffer() {}

    public static Optional<MaterialType> sniff(byte[] content) {
        if (content == null) return Optional.empty();
        // %PDF-1.x or %PDF-2.x at the very start
        if (startsWith(content, PDF, 0) && content.length > 6 && (content[5] == '1' || content[5] == '2') && content[6] == '.') {
            return Optional.of(MaterialType.PDF);
        }
        if (startsWith(content, PNG, 0) && startsWith(content, PNG_IHDR, 12)) return Optional.of(MaterialType.PNG);
        if (startsWith(content, JPEG, 0) && content.length > 3) return Optional.of(MaterialType.JPEG);
        if (startsWith(content, ZIP, 0) && isOfd(content)) return Optional.of(MaterialType.OFD);
        return Optional.empty();
    }

    private static boolean isOfd(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            ZipEntry e;
            for (int n = 0; n < MAX_ZIP_ENTRIES && (e = zip.getNextEntry()) != null; n++) {
                if (!e.isDirectory() && e.getName().equals("OFD.xml")) {
                    byte[] head = zip.readNBytes(OFD_XML_READ);
                    String xml = new String(head, StandardCharsets.UTF_8);
                    return OFD_ROOT.matcher(xml).find();
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;   // not a readable ZIP
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix, int at) {
        return content.length >= at + prefix.length && Arrays.equals(content, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
