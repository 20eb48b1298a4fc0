package course.grading.gate;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a compiled class refers to, read from its constant pool without loading it: every class,
 * field and method named there is something the class's code can touch directly. Enough for the
 * static gate; not a general class-file parser.
 *
 * @param name       the class's binary name, e.g. {@code course.lesson04.Bank$1}
 * @param sourceFile the {@code SourceFile} attribute ({@code Bank.java}), or null
 * @param classes    every class it names (types of fields, calls, casts, descriptors), binary names
 * @param members    every field or method it uses, as {@code owner#name descriptor}, e.g. {@code java.lang.System#exit(I)V}
 * @param strings    its string constants (for messages only; names built at run time escape this)
 * @param equality   its own {@code equals(Object)}, if it declares one, as {@code equals(Ljava/lang/Object;)Z}
 *                   (a record's generated {@code equals}, a call to {@code ObjectMethods}, does not count)
 * @param supertypes its superclass and interfaces, binary names
 */
public record ClassFile(String name, String sourceFile, Set<String> classes, Set<String> members, List<String> strings,
                        Set<String> equality, Set<String> supertypes) {
    private static final String EQUALS = "equals(Ljava/lang/Object;)Z";
    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_TYPE = 16;

    /** Reads a class file. */
    public static ClassFile read(InputStream bytes) throws IOException {
        DataInputStream in = new DataInputStream(bytes);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        int[] tags = new int[count];
        Object[] values = new Object[count]; // String for UTF8, int[] for references
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case UTF8 -> values[i] = in.readUTF();
                case 3, 4 -> in.readInt();                       // Integer, Float
                case 5, 6 -> {                                   // Long, Double take two slots
                    in.readLong();
                    i++;
                }
                case CLASS, STRING, METHOD_TYPE, 19, 20 -> values[i] = new int[] {in.readUnsignedShort()};
                case FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, 17, 18 ->
                        values[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> values[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()}; // MethodHandle
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        String name = className(utf(values, ref(values, in.readUnsignedShort(), 0)));

        Set<String> classes = new LinkedHashSet<>();
        Set<String> members = new LinkedHashSet<>();
        List<String> strings = new ArrayList<>();
        Set<String> dynamic = new LinkedHashSet<>();
        for (int i = 1; i < count; i++) {
            switch (tags[i]) {
                case 18 -> dynamic.add(utf(values, ref(values, ref(values, i, 1), 0))); // InvokeDynamic: its name
                case CLASS -> addType(classes, utf(values, ref(values, i, 0)));
                case STRING -> strings.add(utf(values, ref(values, i, 0)));
                case METHOD_TYPE -> addDescriptor(classes, utf(values, ref(values, i, 0)));
                case NAME_AND_TYPE -> addDescriptor(classes, utf(values, ref(values, i, 1)));
                case FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF -> {
                    String owner = className(utf(values, ref(values, ref(values, i, 0), 0)));
                    int nameAndType = ref(values, i, 1);
                    members.add(owner + "#" + utf(values, ref(values, nameAndType, 0))
                            + utf(values, ref(values, nameAndType, 1)));
                }
                default -> {
                    // numbers, dynamic call sites: nothing named
                }
            }
        }
        Set<String> supertypes = new LinkedHashSet<>();
        int superClass = in.readUnsignedShort();
        if (superClass != 0) {
            supertypes.add(className(utf(values, ref(values, superClass, 0))));
        }
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            supertypes.add(className(utf(values, ref(values, in.readUnsignedShort(), 0))));
        }
        Set<String> equality = new LinkedHashSet<>();
        for (int part = 0; part < 2; part++) { // fields, then methods
            int n = in.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                in.skipBytes(2);
                String declared = utf(values, in.readUnsignedShort()) + utf(values, in.readUnsignedShort());
                if (part == 1 && declared.equals(EQUALS) && !dynamic.contains("equals")) {
                    equality.add(declared);
                }
                skipAttributes(in);
            }
        }
        return new ClassFile(name, sourceFile(in, values), classes, members, strings, equality, supertypes);
    }

    private static String sourceFile(DataInputStream in, Object[] values) throws IOException {
        int attributes = in.readUnsignedShort();
        String found = null;
        for (int i = 0; i < attributes; i++) {
            String attribute = utf(values, in.readUnsignedShort());
            int length = in.readInt();
            if ("SourceFile".equals(attribute)) {
                found = utf(values, in.readUnsignedShort());
                in.skipBytes(length - 2);
            } else {
                in.skipBytes(length);
            }
        }
        return found;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }

    private static int ref(Object[] values, int index, int which) {
        return ((int[]) values[index])[which];
    }

    private static String utf(Object[] values, int index) {
        return (String) values[index];
    }

    private static String className(String internal) {
        return internal.replace('/', '.');
    }

    /** A CONSTANT_Class names a class or an array type ({@code [Ljava/lang/String;}). */
    private static void addType(Set<String> classes, String internal) {
        if (internal.startsWith("[")) {
            addDescriptor(classes, internal);
        } else {
            classes.add(className(internal));
        }
    }

    /** Every {@code Lsome/Type;} in a descriptor: scanning skips each name, so every 'L' met starts one. */
    private static void addDescriptor(Set<String> classes, String descriptor) {
        for (int at = descriptor.indexOf('L'); at >= 0; at = descriptor.indexOf('L', at + 1)) {
            int end = at + 1;
            while (end < descriptor.length() && ";<".indexOf(descriptor.charAt(end)) < 0) {
                end++;
            }
            if (end > at + 1) {
                classes.add(className(descriptor.substring(at + 1, end)));
            }
            at = end;
        }
    }
}
