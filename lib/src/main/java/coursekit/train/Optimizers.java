package coursekit.train;

import ai.djl.ndarray.NDArray;

/** The optimizers the lectures use, with Keras's default settings. */
public final class Optimizers {

    private Optimizers() {}

    /** Plain stochastic gradient descent. */
    public static Optimizer sgd(double learningRate) {
        return sgd(learningRate, 0.0);
    }

    /** SGD with momentum: v = momentum*v - rate*g; w += v (Keras's form). */
    public static Optimizer sgd(double learningRate, double momentum) {
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("Momentum must be in [0, 1), but got momentum=" + momentum + ".");
        }
        return new Optimizer(learningRate) {
            @Override
            public String describe() {
                return "SGD(lr=" + learningRate + ", momentum=" + momentum + ")";
            }

            @Override
            public Optimizer fresh() {
                return sgd(learningRate, momentum);
            }

            @Override
            public void update(String key, NDArray weight, NDArray gradient, float rate) {
                if (momentum == 0) {
                    weight.subi(gradient.mul(rate));
                    return;
                }
                NDArray velocity = state(key, weight, 1)[0];
                velocity.muli((float) momentum).subi(gradient.mul(rate));
                weight.addi(velocity);
            }

            @Override
            protected int stateCount() {
                return momentum == 0 ? 0 : 1;
            }

            @Override
            protected void updateState(float[] gradient, float[][] state, int n, float rate) {
                if (momentum == 0) {
                    return;
                }
                float mu = (float) momentum;
                float[] velocity = state[0];
                for (int i = 0; i < n; i++) {
                    velocity[i] = velocity[i] * mu - gradient[i] * rate;
                }
            }

            @Override
            protected void updateWeight(float[] weight, float[] gradient, float[][] state, float[] root, int n, float rate) {
                for (int i = 0; i < n; i++) {
                    weight[i] = momentum == 0 ? weight[i] - gradient[i] * rate : weight[i] + state[0][i];
                }
            }
        };
    }

    /** Adam with Keras's defaults (beta1 0.9, beta2 0.999, epsilon 1e-7). */
    public static Optimizer adam(double learningRate) {
        return adam(learningRate, 0.9, 0.999, 1e-7);
    }

    /**
     * Adam (Kingma and Ba, 2015, https://arxiv.org/abs/1412.6980): m and v are running means of
     * the gradient and its square; the step is rate * m_hat / (sqrt(v_hat) + epsilon).
     */
    public static Optimizer adam(double learningRate, double beta1, double beta2, double epsilon) {
        return new Optimizer(learningRate) {
            @Override
            public String describe() {
                return "Adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
            }

            @Override
            public Optimizer fresh() {
                return adam(learningRate, beta1, beta2, epsilon);
            }

            @Override
            public void update(String key, NDArray weight, NDArray gradient, float rate) {
                NDArray[] mv = state(key, weight, 2);
                mv[0].muli((float) beta1).addi(gradient.mul((float) (1 - beta1)));
                mv[1].muli((float) beta2).addi(gradient.square().muli((float) (1 - beta2)));
                NDArray denominator = root(mv).addi((float) epsilon);
                weight.subi(mv[0].mul((float) (rate * mHatScale())).divi(denominator));
            }

            @Override
            protected int stateCount() {
                return 2;
            }

            @Override
            protected void updateState(float[] gradient, float[][] state, int n, float rate) {
                float b1 = (float) beta1;
                float oneMinusB1 = (float) (1 - beta1);
                float b2 = (float) beta2;
                float oneMinusB2 = (float) (1 - beta2);
                float[] m = state[0];
                float[] v = state[1];
                for (int i = 0; i < n; i++) {
                    float g = gradient[i];
                    m[i] = m[i] * b1 + g * oneMinusB1;
                    v[i] = v[i] * b2 + g * g * oneMinusB2;
                }
            }

            @Override
            protected NDArray root(NDArray[] state) {
                return state[1].mul((float) vHatScale()).sqrt();
            }

            @Override
            protected void updateWeight(float[] weight, float[] gradient, float[][] state, float[] root, int n, float rate) {
                float stepScale = (float) (rate * mHatScale());
                float eps = (float) epsilon;
                float[] m = state[0];
                for (int i = 0; i < n; i++) {
                    weight[i] = weight[i] - m[i] * stepScale / (root[i] + eps);
                }
            }

            private double mHatScale() {
                return 1.0 / (1 - Math.pow(beta1, steps() + 1));
            }

            private double vHatScale() {
                return 1.0 / (1 - Math.pow(beta2, steps() + 1));
            }
        };
    }

    /** RMSprop with Keras's defaults (rho 0.9, epsilon 1e-7), the lecture's optimizer. */
    public static Optimizer rmsprop(double learningRate) {
        return rmsprop(learningRate, 0.9, 1e-7);
    }

    /**
     * RMSprop (Hinton, Neural Networks for Machine Learning, lecture 6e): s = rho*s + (1-rho)*g^2;
     * w -= rate * g / (sqrt(s) + epsilon). DJL's PyTorch engine does not implement it.
     */
    public static Optimizer rmsprop(double learningRate, double rho, double epsilon) {
        if (rho <= 0 || rho >= 1) {
            throw new IllegalArgumentException("RMSprop's rho must be in (0, 1), but got rho=" + rho + ".");
        }
        return new Optimizer(learningRate) {
            @Override
            public String describe() {
                return "RMSprop(lr=" + learningRate + ", rho=" + rho + ", epsilon=" + epsilon + ")";
            }

            @Override
            public Optimizer fresh() {
                return rmsprop(learningRate, rho, epsilon);
            }

            @Override
            public void update(String key, NDArray weight, NDArray gradient, float rate) {
                NDArray meanSquare = state(key, weight, 1)[0];
                meanSquare.muli((float) rho).addi(gradient.square().muli((float) (1 - rho)));
                weight.subi(gradient.mul(rate).divi(root(new NDArray[] {meanSquare}).addi((float) epsilon)));
            }

            @Override
            protected int stateCount() {
                return 1;
            }

            @Override
            protected void updateState(float[] gradient, float[][] state, int n, float rate) {
                float decay = (float) rho;
                float oneMinusDecay = (float) (1 - rho);
                float[] meanSquare = state[0];
                for (int i = 0; i < n; i++) {
                    float g = gradient[i];
                    meanSquare[i] = meanSquare[i] * decay + g * g * oneMinusDecay;
                }
            }

            @Override
            protected NDArray root(NDArray[] state) {
                return state[0].sqrt();
            }

            @Override
            protected void updateWeight(float[] weight, float[] gradient, float[][] state, float[] root, int n, float rate) {
                float eps = (float) epsilon;
                for (int i = 0; i < n; i++) {
                    weight[i] = weight[i] - gradient[i] * rate / (root[i] + eps);
                }
            }
        };
    }
}
