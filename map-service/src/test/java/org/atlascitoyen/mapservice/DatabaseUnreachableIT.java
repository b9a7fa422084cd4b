package org.atlascitoyen.mapservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With no database at the configured address the service still starts and says what is wrong:
 * health reads DOWN within 2 s (with the service's own pool settings, so probes do not time out)
 * and the API answers 503 problems.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableIT {

    @Test
    void startsSaysWhyAndReportsDown(CapturedOutput output) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free now, so nothing listens there
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MapServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/atlas")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();

            // The first request of a JVM loads the MVC and actuator machinery (seconds on a busy
            // machine); liveness involves no database, so what is timed below is the database's part.
            assertThat(send(http, port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            long start = System.nanoTime();
            HttpResponse<String> health = send(http, port, "/actuator/health");
            long healthMillis = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(1100); // past the reuse of the first answer: a second check, while the first still waits
            start = System.nanoTime();
            HttpResponse<String> again = send(http, port, "/actuator/health");
            long againMillis = (System.nanoTime() - start) / 1_000_000;
            HttpResponse<String> api = send(http, port, "/api/territories/at?lon=1.44&lat=43.6");

            assertThat(output.getOut()).contains("Database unreachable at jdbc:postgresql://127.0.0.1:" + closedPort + "/atlas")
                    .contains("./atlas db start");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("database unreachable");
            assertThat(healthMillis).as("first health answer, ms: %s", health.body()).isLessThan(2000);
            assertThat(again.statusCode()).isEqualTo(503);
            assertThat(againMillis).as("second health answer, ms").isLessThan(2000);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(api.body()).contains("Database unavailable").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private static HttpResponse<String> send(HttpClient http, int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
