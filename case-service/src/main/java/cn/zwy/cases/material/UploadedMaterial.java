package cn.zwy.cases.material;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded file as the platform knows it: the id a submission references, the name the sender
 * gave (display only), the type its content showed, size, SHA-256 (hex) of the exact bytes
 * stored, and where it is kept ({@code objectKey}, for the case module to read it back through
 * {@link MaterialUploads#content}).
 */
public record UploadedMaterial(UUID id, String name, MaterialType type, long size, String sha256, String objectKey,
                               Instant uploadedAt) {
}
