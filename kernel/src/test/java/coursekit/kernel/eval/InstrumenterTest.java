package coursekit.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class InstrumenterTest {

    @Test
    void classFileItCannotReadIsLeftAsItIs() {
        byte[] future = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, (byte) 200, 0, 0};
        assertSame(future, Instrumenter.instrument(future));
    }
}
