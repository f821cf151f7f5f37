package cn.zwy.cases.material;

/** The only kinds of file a material may be (decided by {@link ContentSniffer}, never by name or declared type). */
public enum MaterialType {
    PDF("application/pdf"),
    /** 版式文档 OFD (GB/T 33190-2016): a ZIP container with an {@code OFD.xml} entry point. */
    OFD("application/ofd"),
    JPEG("image/jpeg"),
    PNG("image/png");

    private final String mediaType;

    MaterialType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type the file is served with (derived from the content, so it cannot be spoofed). */
    public String mediaType() {
        return mediaType;
    }
}
