package dev.dp.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProbeContextTest {

  @Test
  void aConnectAttemptThatRanOutOfTimeIsATimeout() {
    assertThat(ProbeContext.timedOut(new SQLException("Connection attempt timed out.", "08001")))
        .isTrue();
    assertThat(
            ProbeContext.timedOut(
                new SQLException("I/O error", "08006", new SocketTimeoutException("Read"))))
        .isTrue();
  }

  @Test
  void aRefusedOrRejectedConnectionIsNot() {
    assertThat(
            ProbeContext.timedOut(
                new SQLException(
                    "Connection to 127.0.0.1:5433 refused.",
                    "08001",
                    new ConnectException("Connection refused"))))
        .isFalse();
    assertThat(
            ProbeContext.timedOut(
                new SQLException("password authentication failed for user \"dp\"", "28P01")))
        .isFalse();
  }
}
