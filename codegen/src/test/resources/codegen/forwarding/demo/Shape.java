package demo;

import java.io.IOException;

/** A listed interface: every kind of method the processor has to write a header for. */
public interface Shape extends Named {
    double area();

    <N extends Number & Comparable<N>> N scaled(N factor) throws IOException;

    String tags(String first, String... more);

    void reset();

    @Deprecated
    int legacy();

    static Shape none() {
        return null;
    }
}
