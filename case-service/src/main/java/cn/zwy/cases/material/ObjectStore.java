package cn.zwy.cases.material;

import java.util.Optional;

/**
 * Where file contents live, addressed by a key the platform made (never a user's file name).
 * Two implementations, chosen by {@code zwy.uploads.store}: {@link PostgresObjectStore} (default,
 * no extra server) and {@link S3ObjectStore} (any S3-API store, for clusters). Tenancy is not the
 * store's concern: keys are unguessable and only reachable through the upload record, which is
 * under row-level security, as they would be in an S3 bucket.
 */
public interface ObjectStore {

    void put(String key, byte[] content, String mediaType);

    Optional<byte[]> get(String key);

    /** Removes the object; removing one that is not there is no error. */
    void delete(String key);
}
