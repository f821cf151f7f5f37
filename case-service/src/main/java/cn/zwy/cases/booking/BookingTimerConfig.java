package cn.zwy.cases.booking;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.common.security.PublicGetPaths;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class BookingTimerConfig {

    /** Booking's timer task; the service's one scheduler (filing's CaseTimerConfig) runs every task bean. */
    @Bean
    OneTimeTask<String> bookingTimerTask(ObjectProvider<BookingTimerHandler> handler) {
        // the handler is looked up when a timer fires: it needs the bookings, which need the timers, which need this task
        return Tasks.oneTime("booking-timer", String.class).execute((instance, ctx) -> handler.getObject().fire(instance.getId()));
    }

    /** Free places and bookable days are public (published hours and counts only, nothing personal). */
    @Bean
    PublicGetPaths bookingPublicReads() {
        return () -> BookingApi.PUBLIC_READS;
    }
}
