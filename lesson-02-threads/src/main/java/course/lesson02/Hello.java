package course.lesson02;

public class Hello {
    public static String greet() { throw new UnsupportedOperationException("not implemented yet: greet"); }
}
