package demo;

/** A listed interface whose super-interface is listed too. */
public interface Circle extends Shape {
    double radius();
}
