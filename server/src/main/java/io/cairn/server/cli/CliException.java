package io.cairn.server.cli;

/** A problem the user can fix; printed without a stack trace, exit code 2. */
final class CliException extends RuntimeException {
  CliException(String message) {
    super(message);
  }
}
