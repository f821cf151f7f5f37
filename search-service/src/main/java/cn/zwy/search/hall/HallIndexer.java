package cn.zwy.search.hall;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the halls index in step with tenant-service's events. A failure propagates, so the
 * event stays pending and is retried: the index catches up after Elasticsearch was down.
 */
@Component
class HallIndexer implements EventHandler {

    private final HallIndex index;
    private final JsonMapper json;

    HallIndexer(HallIndex index, JsonMapper json) {
        this.index = index;
        this.json = json;
    }

    @Override
    public String group() {
        return "search-indexer";
    }

    @Override
    public boolean accepts(String eventType) {
        return eventType.equals(HallDocument.EVENT_TYPE);
    }

    @Override
    public void handle(DomainEvent event) throws IOException {
        // the stream carries every service's events; only hall changes concern this index
        if (!HallDocument.EVENT_TYPE.equals(event.type())) return;
        index.put(json.readValue(event.payload(), HallDocument.class));
    }
}
