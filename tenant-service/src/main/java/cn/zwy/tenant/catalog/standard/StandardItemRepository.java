package cn.zwy.tenant.catalog.standard;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StandardItemRepository extends JpaRepository<StandardItem, UUID> {

    boolean existsByProvinceCodeAndBasicCode(String provinceCode, String basicCode);

    Optional<StandardItem> findByProvinceCodeAndBasicCode(String provinceCode, String basicCode);

    java.util.List<StandardItem> findByProvinceCodeOrderByBasicCode(String provinceCode);

    /** Serialises changes of one item, so that version numbers and their order stay consistent. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from StandardItem i where i.id = :id")
    Optional<StandardItem> lock(UUID id);
}
