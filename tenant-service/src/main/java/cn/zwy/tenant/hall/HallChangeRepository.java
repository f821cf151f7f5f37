package cn.zwy.tenant.hall;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HallChangeRepository extends JpaRepository<HallChange, Long> {

    List<HallChange> findAllByOrderBySeqDesc(Limit limit);

    List<HallChange> findBySeqLessThanOrderBySeqDesc(long seq, Limit limit);
}
