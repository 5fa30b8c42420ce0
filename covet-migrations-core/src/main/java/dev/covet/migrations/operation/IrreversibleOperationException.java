package dev.covet.migrations.operation;

/** An operation has no reverse: rolling it back needs a hand-written reverse or a backup. */
public class IrreversibleOperationException extends RuntimeException {
    public IrreversibleOperationException(String message) {
        super(message);
    }
}
