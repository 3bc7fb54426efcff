package dev.steward.homeserver.client;

/**
 * A client-server API call failed: the homeserver's status and {@code errcode} (or a transport failure, status 0),
 * after any retries.
 */
public class MatrixException extends RuntimeException {
    private final int status;
    private final String errcode;

    public MatrixException(int status, String errcode, String error, Throwable cause) {
        super(errcode + (status > 0 ? " (" + status + ")" : "") + ": " + error, cause);
        this.status = status;
        this.errcode = errcode;
    }

    public int status() {
        return status;
    }

    public String errcode() {
        return errcode;
    }
}
