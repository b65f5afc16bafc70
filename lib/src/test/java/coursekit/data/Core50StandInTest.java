package coursekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The embedded CORe50 stand-in: Fashion-MNIST's 10 classes, each in 5 colours. */
class Core50StandInTest {

    private final TrainTest standIn = Datasets.core50StandIn();
    private final TrainTest fashion = Datasets.fashionMnist();

    @Test
    void fiftyClassesOfTenCategoriesInFiveColours() {
        assertArrayEquals(new long[] {3, 28, 28}, standIn.imageShape());
        int[] train = new int[50];
        int[] test = new int[50];
        Arrays.fill(train, 240);
        Arrays.fill(test, 40);
        assertArrayEquals(train, standIn.train().classCounts());
        assertArrayEquals(test, standIn.test().classCounts());
        assertEquals("T-shirt/top (red)", standIn.train().classNames().get(0));
        assertEquals("Trouser (yellow)", standIn.train().classNames().get(6));
        assertEquals("Ankle boot (white)", standIn.train().classNames().get(49));
    }

    @Test
    void eachFashionMnistImageIsDealtToOneColourOfItsClass() {
        for (int category = 0; category < 10; category++) {
            int[] grey = indicesOf(fashion.train(), category);
            int[] red = indicesOf(standIn.train(), 5 * category);
            int[] white = indicesOf(standIn.train(), 5 * category + 4);
            for (int k : new int[] {0, 1, 239}) {
                // A pure red keeps the grey image in its red channel; white keeps it in all three.
                assertSameShape(fashion.train(), grey[5 * k], standIn.train(), red[k], 0);
                for (int channel = 0; channel < 3; channel++) {
                    assertSameShape(fashion.train(), grey[5 * k + 4], standIn.train(), white[k], channel);
                }
            }
        }
    }

    @Test
    void theFiveObjectsOfACategoryDifferInColour() {
        for (int category = 0; category < 10; category++) {
            double[][] chroma = new double[5][];
            for (int colour = 0; colour < 5; colour++) {
                chroma[colour] = chromaticity(standIn.train(), 5 * category + colour);
            }
            for (int a = 0; a < 5; a++) {
                for (int b = a + 1; b < 5; b++) {
                    double distance = Math.abs(chroma[a][0] - chroma[b][0]) + Math.abs(chroma[a][1] - chroma[b][1])
                            + Math.abs(chroma[a][2] - chroma[b][2]);
                    assertTrue(distance > 0.15, "category " + category + ": colours " + a + " and " + b + " differ by " + distance);
                }
            }
        }
    }

    @Test
    void buildingItAgainGivesTheSameImages() {
        TrainTest again = Core50StandIn.of(fashion);
        assertEquals(standIn.train().digest(), again.train().digest());
        assertEquals(standIn.test().digest(), again.test().digest());
    }

    private static int[] indicesOf(ImageSet set, int label) {
        return java.util.stream.IntStream.range(0, set.size()).filter(i -> set.label(i) == label).toArray();
    }

    private static void assertSameShape(ImageSet grey, int g, ImageSet coloured, int c, int channel) {
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                assertEquals(grey.pixel(g, y, x, 0), coloured.pixel(c, y, x, channel), "pixel " + y + "," + x + " channel " + channel);
            }
        }
    }

    /** The share of red, green and blue in all pixels of one class. */
    private static double[] chromaticity(ImageSet set, int label) {
        double[] sums = new double[3];
        for (int i : indicesOf(set, label)) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    for (int channel = 0; channel < 3; channel++) {
                        sums[channel] += set.pixel(i, y, x, channel);
                    }
                }
            }
        }
        double total = sums[0] + sums[1] + sums[2];
        return new double[] {sums[0] / total, sums[1] / total, sums[2] / total};
    }
}
