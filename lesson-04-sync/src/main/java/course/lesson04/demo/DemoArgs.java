package course.lesson04.demo;

/** The demos' command-line options: {@code --scale=N} runs the experiment N times shorter. */
final class DemoArgs {
    private DemoArgs() {
    }

    /** The value of {@code --scale=N} among {@code args}, or {@code fallback}. */
    static double scale(String[] args, double fallback) {
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
    static double number(String[] args, String name, double fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return Double.parseDouble(arg.substring(name.length() + 3));
            }
        }
        return fallback;
    }
}
