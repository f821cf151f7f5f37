package cn.zwy.cases.filing;

import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;

/** Who took an action (C16): a citizen, a staff member (by name, at a window) or the platform's timers. */
record Actor(String kind, String id, String name, String window) {

    static Actor of(Caller c, String window) {
        return new Actor(c.realm() == Realm.STAFF ? "STAFF" : "CITIZEN", c.userId(), c.displayName() == null ? c.username() : c.displayName(), window);
    }
}
