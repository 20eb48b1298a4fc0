package course.lesson02;

public class Hello {
    public static String greet() { return "hi"; }
}
