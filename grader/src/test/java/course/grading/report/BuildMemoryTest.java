package course.grading.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class BuildMemoryTest {
    @Test
    @DisplayName("a value kept by one exec:java run (its own class loader) is read by a later one, after Surefire put back the system properties")
    void survivesClassLoadersAndAPropertiesRestore() throws Exception {
        Properties found = (Properties) System.getProperties().clone();
        URL classes = BuildMemory.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader gateRun = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Method put = gateRun.loadClass(BuildMemory.class.getName()).getDeclaredMethod("put", String.class, String.class, String.class);
            put.setAccessible(true);
            put.invoke(null, "gate", "/course/lesson-07 \"x\"", "first");
            put.invoke(null, "gate", "/course/lesson-07 \"x\"", "refused: Evil");
        }
        System.setProperties(found);   // what Surefire and Failsafe do when their run ends

        assertThat(BuildMemory.get("gate", "/course/lesson-07 \"x\"")).isEqualTo("refused: Evil");
        assertThat(BuildMemory.all("gate")).containsEntry("/course/lesson-07 \"x\"", "refused: Evil");
        assertThat(BuildMemory.get("gate", "/course/lesson-06")).isNull();
    }
}
