package cn.zwy.cases.messages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SMS port of a platform without an SMS gateway: logs the masked number and the text, nothing else. */
class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public String name() { return "logging"; }

    @Override
    public void send(Sms sms) {
        log.info("SMS to {}: {}", sms.maskedPhone(), sms.text());
    }
}
