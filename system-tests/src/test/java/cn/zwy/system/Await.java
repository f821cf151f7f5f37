package cn.zwy.system;

/** Waits for what the event path or a timer does a moment later: polls a probe until it answers (within 30 s). */
final class Await {

    private Await() {}

    interface Probe<T> {
        /** The awaited value, or null while it is not there yet. */
        T get() throws Exception;
    }

    static <T> T until(Probe<T> probe) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            try {
                T v = probe.get();
                if (v != null) return v;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("not within 30 s");
    }
}
