package demo;

/**
 * A wrapper written as lakeproxy's are: only the accessors, every method from the generated code.
 */
final class ForwardingCircle implements CircleForwarding {
    private final Circle real;

    ForwardingCircle(Circle real) {
        this.real = real;
    }

    @Override
    public Circle circleDelegate() {
        return real;
    }

    @Override
    public Shape shapeDelegate() {
        return real;
    }
}
