package dev.covet.migrations.endpoint;

/**
 * Why the endpoint refused a request.
 *
 * @param error a short reason
 * @param message what to do about it
 */
public record RefusalDescriptor(String error, String message) {
}
