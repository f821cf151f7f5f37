package cn.zwy.cases.privacy;

import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cipher and the blind index from {@code zwy.privacy} (required outside the demo profile). */
@Configuration
class PrivacyConfig {

    @Bean
    PersonalDataCipher personalDataCipher(PrivacyProperties props) {
        return PersonalDataCipher.fromConfiguration(props.keys());
    }

    @Bean
    BlindIndex blindIndex(PrivacyProperties props) {
        if (props.indexKey() == null || props.indexKey().isBlank()) throw new IllegalArgumentException("zwy.privacy.index-key is not set");
        return new BlindIndex(Base64.getDecoder().decode(props.indexKey().strip()));
    }
}
