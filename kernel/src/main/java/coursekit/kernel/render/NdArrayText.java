package coursekit.kernel.render;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * An NDArray as text: a header with shape, data type and device, then its values, with only the first
 * and last {@value #EDGE} items of each axis when the array has more than {@value #FULL} elements
 * (numpy's summary style).
 */
final class NdArrayText {

    static final int FULL = 1000;
    static final int EDGE = 3;
    private static final long MAX_COPY = 10_000_000;

    private NdArrayText() {}

    static MimeBundle bundle(NDArray array) {
        return MimeBundle.text(text(array));
    }

    static String text(NDArray array) {
        if (array.isReleased()) {
            return "NDArray (closed)";
        }
        long[] shape = array.getShape().getShape();
        DataType type = array.getDataType();
        String header = "NDArray " + array.getShape() + " " + type + " on " + array.getDevice();
        long size = array.size();
        if (type == DataType.STRING || size > MAX_COPY) {
            return header + "\n(" + String.format("%,d", size) + " values not shown)";
        }
        boolean integral = type.isInteger() || type == DataType.BOOLEAN;
        double[] values = array.toType(DataType.FLOAT64, false).toDoubleArray();
        StringBuilder text = new StringBuilder(header).append('\n');
        if (shape.length == 0) {
            return text.append(number(values[0], integral)).toString();
        }
        append(text, values, shape, 0, 0, size > FULL, integral);
        return text.toString();
    }

    private static void append(StringBuilder out, double[] values, long[] shape, int axis, long offset, boolean summarize, boolean integral) {
        long length = shape[axis];
        long stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        out.append('[');
        boolean last = axis == shape.length - 1;
        for (long i = 0; i < length; i++) {
            if (summarize && length > 2 * EDGE && i == EDGE) {
                out.append(last ? "..., " : "...,\n" + " ".repeat(axis + 1));
                i = length - EDGE;
            }
            if (last) {
                out.append(number(values[(int) (offset + i)], integral));
            } else {
                append(out, values, shape, axis + 1, offset + i * stride, summarize, integral);
            }
            if (i < length - 1) {
                out.append(last ? ", " : ",\n" + (shape.length - axis > 2 ? "\n" : "") + " ".repeat(axis + 1));
            }
        }
        out.append(']');
    }

    private static String number(double value, boolean integral) {
        if (integral) {
            return Long.toString((long) value);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (value == 0 || (magnitude >= 1e-4 && magnitude < 1e6)) {
            String text = String.format(Locale.ROOT, "%.4f", value);
            text = text.replaceAll("0+$", "");
            return text.endsWith(".") ? text : text;
        }
        return String.format(Locale.ROOT, "%.4e", value);
    }
}
