package cn.zwy.cases.filing;

/**
 * What filing needs of the material store (cn.zwy.cases.material, built on another branch): whether
 * an upload id names a file this applicant uploaded. Until that branch is merged,
 * {@link NoMaterialUploads} knows no upload, so only paper materials (handed in at the window,
 * without upload id) can be filed.
 */
public interface MaterialUploads {

    boolean exists(String uploadId, String citizenId);
}
