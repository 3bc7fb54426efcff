package dev.steward.homeserver;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** A Matrix error as a value: an HTTP status with the standard {@code {errcode, error}} body. */
public record MatrixError(int status, String errcode, String message) {
    public static final MatrixError UNAUTHORIZED = new MatrixError(401, "M_UNAUTHORIZED", "No access token was given");
    public static final MatrixError FORBIDDEN = new MatrixError(403, "M_FORBIDDEN", "The access token is not valid");
    public static final MatrixError NOT_JSON = new MatrixError(400, "M_NOT_JSON", "The body is not valid JSON");
    public static final MatrixError BAD_JSON = new MatrixError(400, "M_BAD_JSON", "The JSON is not of the expected shape");
    public static final MatrixError TOO_LARGE = new MatrixError(413, "M_TOO_LARGE", "The request body is too large");
    public static final MatrixError NOT_FOUND = new MatrixError(404, "M_NOT_FOUND", "Not found");
    public static final MatrixError UNRECOGNIZED = new MatrixError(404, "M_UNRECOGNIZED", "Unrecognized request");
    public static final MatrixError UNKNOWN = new MatrixError(500, "M_UNKNOWN", "Internal error");

    public MatrixError withMessage(String newMessage) {
        return new MatrixError(status, errcode, newMessage);
    }

    public JsonObject toJson() {
        return new JsonObject().put("errcode", errcode).put("error", message);
    }

    /** Ends the response with this error. */
    public void write(HttpServerResponse response) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(toJson().encode());
    }
}
