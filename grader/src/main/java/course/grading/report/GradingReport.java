package course.grading.report;

public final class GradingReport {
    public static void main(String[] args) {
        System.out.println("grading report: " + String.join(" ", args));
    }
}
