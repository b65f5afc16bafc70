package coursekit.kernel.eval;

/** What one piece of a cell came to: nothing to show, a value to show, or an error that ends the cell. */
record Step(boolean hasValue, Object value, CellError error) {

    static final Step NOTHING = new Step(false, null, null);

    static Step value(Object value) {
        return new Step(true, value, null);
    }

    static Step failed(CellError error) {
        return new Step(false, null, error);
    }
}
