package course.shared.demo;

/** The lessons' demos' command-line options: {@code --scale=N} runs the experiment N times shorter. */
public final class DemoArgs {
    private DemoArgs() {
    }

    /** The value of {@code --scale=N} among {@code args}, or {@code fallback}. */
    public static double scale(String[] args, double fallback) {
        for (String arg : args) {
            if (arg.startsWith("--scale=")) {
                double scale = Double.parseDouble(arg.substring("--scale=".length()));
                if (!(scale > 0)) {
                    throw new IllegalArgumentException("--scale must be positive, was " + arg);
                }
                return scale;
            }
        }
        return fallback;
    }

    /** The value of {@code --name=N} among {@code args}, or {@code fallback}. */
    public static double number(String[] args, String name, double fallback) {
        String value = option(args, name, null);
        return value == null ? fallback : Double.parseDouble(value);
    }

    /** The value of {@code --name=value} among {@code args}, or {@code fallback}. */
    public static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
