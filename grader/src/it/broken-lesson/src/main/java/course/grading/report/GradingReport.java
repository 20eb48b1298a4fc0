package course.grading.report;

/** A submission's own "grader": it must never run in place of the course's. */
public final class GradingReport {
    private GradingReport() {
    }

    public static void main(String[] args) {
        System.out.println("FORGED GRADER RAN");
    }
}
