package demo;

/** A super-interface that is not listed: its methods are forwarded by each listed sub-interface. */
public interface Named {
    String name();

    default String greeting() {
        return "hello " + name();
    }
}
