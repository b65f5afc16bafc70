package coursekit.kernel.eval;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the bytecode of a cell's classes so that the cell can be stopped and cannot end the kernel.
 *
 * <ul>
 *   <li>Calls {@link StopCheck#check()} at each method entry and before each backward jump, the same
 *       places Java 22+'s own local JShell engine checks, so {@code while (true) {}} stops.</li>
 *   <li>Sends {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}, called directly or
 *       through a method reference, to {@link Exits}.</li>
 * </ul>
 *
 * <p>Neither change alters the operand stack or local variables at any jump target, so the class's
 * stack map frames stay valid and need no recomputation.
 */
final class Instrumenter {

    private static final String STOP_CHECK = Type.getInternalName(StopCheck.class);
    private static final String EXITS = Type.getInternalName(Exits.class);

    private Instrumenter() {}

    /** The rewritten class, or {@code classFile} itself when ASM cannot read it (a newer class file version). */
    static byte[] instrument(byte[] classFile) {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException unsupportedVersion) {
            return classFile;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodRewriter(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class MethodRewriter extends MethodVisitor {

        private final Set<Label> seen = new HashSet<>();

        MethodRewriter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            stopCheck();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                stopCheck();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && isSystemExit(owner, name, descriptor)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, EXITS, "exit", "(I)V", false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && isRuntimeExit(owner, name, descriptor)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, EXITS, name, "(Ljava/lang/Runtime;I)V", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] rewritten = arguments.clone();
            for (int i = 0; i < rewritten.length; i++) {
                if (rewritten[i] instanceof Handle) {
                    rewritten[i] = rewrite((Handle) rewritten[i]);
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(value instanceof Handle ? rewrite((Handle) value) : value);
        }

        private void stopCheck() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, STOP_CHECK, "check", "()V", false);
        }
    }

    /** A method handle to an exit method becomes one to its {@link Exits} replacement. */
    static Handle rewrite(Handle handle) {
        if (handle.getTag() == Opcodes.H_INVOKESTATIC && isSystemExit(handle.getOwner(), handle.getName(), handle.getDesc())) {
            return new Handle(Opcodes.H_INVOKESTATIC, EXITS, "exit", "(I)V", false);
        }
        if (handle.getTag() == Opcodes.H_INVOKEVIRTUAL && isRuntimeExit(handle.getOwner(), handle.getName(), handle.getDesc())) {
            return new Handle(Opcodes.H_INVOKESTATIC, EXITS, handle.getName(), "(Ljava/lang/Runtime;I)V", false);
        }
        return handle;
    }

    private static boolean isSystemExit(String owner, String name, String descriptor) {
        return owner.equals("java/lang/System") && name.equals("exit") && descriptor.equals("(I)V");
    }

    private static boolean isRuntimeExit(String owner, String name, String descriptor) {
        return owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt")) && descriptor.equals("(I)V");
    }
}
