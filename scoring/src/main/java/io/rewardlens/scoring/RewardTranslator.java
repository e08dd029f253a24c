package io.rewardlens.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Turns a right-padded batch of token ids into the trace's two int64 inputs and its float32 outputs
 * into Java arrays. Only int64 and float32 cross the native boundary: DJL 0.36 aborts the JVM on
 * any bfloat16 array, so a bf16 trace must return float32 itself.
 */
final class RewardTranslator
        implements NoBatchifyTranslator<RewardTranslator.Batch, RewardTranslator.Output> {

    /** Row-major {@code [rows, width]} ids and mask. */
    record Batch(long[] ids, long[] mask, int rows, int width) {}

    /** Scores {@code [rows]} and, for reward traces, per-token scores {@code [rows, width]}. */
    record Output(float[] scores, float[] perToken) {}

    private final TraceForm form;

    RewardTranslator(TraceForm form) {
        this.form = form;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Batch batch) {
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(batch.rows(), batch.width());
        return new NDList(manager.create(batch.ids(), shape), manager.create(batch.mask(), shape));
    }

    @Override
    public Output processOutput(TranslatorContext ctx, NDList outputs) {
        if (outputs.isEmpty()) {
            throw new IllegalStateException("the trace returned nothing");
        }
        NDArray first = outputs.get(0);
        if (form == TraceForm.LOGITS) {
            Shape shape = first.getShape();
            if (shape.dimension() == 0
                    || shape.size() != shape.get(0)
                    || (shape.dimension() > 1 && shape.get(1) != 1)) {
                throw new IllegalStateException(
                        "a logits trace must return [B,1] (one label), got " + shape);
            }
            return new Output(floats(first, "logits"), null);
        }
        if (outputs.size() < 2) {
            throw new IllegalStateException(
                    "a reward trace must return (score [B], per_token [B,T]), got "
                            + outputs.size()
                            + " output(s)");
        }
        return new Output(floats(first, "score"), floats(outputs.get(1), "per_token"));
    }

    private static float[] floats(NDArray array, String what) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalStateException(
                    "the trace's "
                            + what
                            + " output is "
                            + array.getDataType()
                            + "; it must be float32 (a bf16 trace must cast its outputs)");
        }
        return array.toFloatArray();
    }
}
