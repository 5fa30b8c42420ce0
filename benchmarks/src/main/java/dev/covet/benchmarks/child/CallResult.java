package dev.covet.benchmarks.child;

/**
 * The timed part of a child run.
 *
 * @param nanos time around the tool's own call
 * @param note what it did, for a sanity check by eye (e.g. {@code applied=500})
 */
public record CallResult(long nanos, String note) {
}
