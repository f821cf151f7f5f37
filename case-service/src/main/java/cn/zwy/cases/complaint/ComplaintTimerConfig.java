package cn.zwy.cases.complaint;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ComplaintTimerConfig {

    /** Complaints' timer task; the service's one scheduler (filing's CaseTimerConfig) runs every task bean. */
    @Bean
    OneTimeTask<String> complaintTimerTask(ObjectProvider<ComplaintTimerHandler> handler) {
        // looked up when a timer fires: the handler needs what needs the timers, which need this task
        return Tasks.oneTime("complaint-timer", String.class).execute((instance, ctx) -> handler.getObject().fire(instance.getId()));
    }
}
