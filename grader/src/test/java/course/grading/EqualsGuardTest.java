package course.grading;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rewritten equals of code under test: its own answer, never yes to what is not of its type. */
class EqualsGuardTest {

    /** Says yes to everything. */
    public static final class Yes {
        @Override
        public boolean equals(Object other) {
            return true;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Points its parameter at itself before it answers: the check must see what the caller passed. */
    public static final class Reassigns {
        @Override
        @SuppressWarnings("ParameterCanBeLocal")
        public boolean equals(Object other) {
            other = this;
            return other == this;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** An honest key, the classic way, synchronized for good measure; its subclass is equal to it. */
    public static class Key {
        private final int value;

        public Key(int value) {
            this.value = value;
        }

        @Override
        public synchronized boolean equals(Object other) {
            return other instanceof Key key && key.value == value;
        }

        @Override
        public int hashCode() {
            return value;
        }
    }

    /** Inherits Key's equals. */
    public static final class SubKey extends Key {
        public SubKey(int value) {
            super(value);
        }
    }

    /** Loads the four classes above rewritten, each once, in a loader of their own. */
    private static final class Rewritten extends ClassLoader {
        Rewritten() {
            super(EqualsGuardTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(EqualsGuardTest.class.getName() + "$") || name.endsWith("$Rewritten")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] original = in.readAllBytes();
                    byte[] rewritten = EqualsGuard.rewrite(original);
                    byte[] bytes = rewritten == null ? original : rewritten;
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }

        Object make(String simpleName, Object... arguments) throws ReflectiveOperationException {
            Class<?> type = loadClass(EqualsGuardTest.class.getName() + "$" + simpleName);
            Class<?>[] types = new Class<?>[arguments.length];
            java.util.Arrays.fill(types, int.class);
            return type.getConstructor(types).newInstance(arguments);
        }
    }

    @Test
    @DisplayName("an equals that says yes to everything says no to a String, even inside a List<String>")
    void liarSaysNoToOtherTypes() throws Exception {
        Rewritten loader = new Rewritten();
        Object yes = loader.make("Yes");
        assertThat(yes.equals("answer")).isFalse();
        assertThat(yes.equals(null)).isFalse();
        assertThat(yes.equals(loader.make("Yes"))).isTrue();   // its own type: its own answer
        assertThat(List.of(yes)).isNotEqualTo(List.of("answer"));
        assertThat(loader.make("Reassigns").equals("answer")).isFalse();
    }

    @Test
    @DisplayName("an honest equals keeps its answers: its own type and subtypes, in a HashMap, synchronized")
    void honestEqualsKeepsItsAnswers() throws Exception {
        Rewritten loader = new Rewritten();
        Object key = loader.make("Key", 7);
        assertThat(key.equals(loader.make("Key", 7))).isTrue();
        assertThat(key.equals(loader.make("SubKey", 7))).isTrue();
        assertThat(loader.make("SubKey", 7).equals(key)).isTrue();
        assertThat(key.equals(loader.make("Key", 8))).isFalse();
        var map = new java.util.HashMap<Object, String>();
        map.put(key, "seven");
        assertThat(map.get(loader.make("Key", 7))).isEqualTo("seven");
        assertThat(EqualsGuard.rewrite(typeBytes(SubKey.class))).as("a class that declares no equals is left as it is").isNull();
    }

    private static byte[] typeBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
