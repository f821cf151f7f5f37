package cn.zwy.cases.filing;

import org.springframework.stereotype.Component;

/** No material store yet (see {@link MaterialUploads}): every upload id is unknown. */
@Component
class NoMaterialUploads implements MaterialUploads {

    @Override
    public boolean exists(String uploadId, String citizenId) {
        return false;
    }
}
