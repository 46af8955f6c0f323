import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A closed-loop load generator that wrk cannot be here: HTTPS with a client certificate (mutual
 * TLS) and SNI for a *.localhost name Java cannot resolve. Each of N workers sends the same POST
 * back to back for D seconds. Prints one JSON line: requests/s, p50 and p99 in ms, errors.
 *
 * Run: java -Djdk.internal.httpclient.disableHostnameVerification=true -Djdk.httpclient.allowRestrictedHeaders=host
 *      MtlsLoad.java URL HOST CLIENT.p12|- PASSWORD EDGE_CA.pem CONNECTIONS SECONDS BODY_FILE [CONTENT_TYPE [COOKIE]]
 * ({@code -}: no client certificate, for the interview's TLS face).
 */
public class MtlsLoad {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String host = args[1];
        char[] password = args[3].toCharArray();
        int connections = Integer.parseInt(args[5]);
        long seconds = Long.parseLong(args[6]);
        String body = Files.readString(Path.of(args[7]));

        String contentType = args.length > 8 ? args[8] : "application/json";
        String cookie = args.length > 9 ? args[9] : null;
        KeyManagerFactory keys = null;
        if (!args[2].equals("-")) {
            KeyStore client = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(args[2])) {
                client.load(in, password);
            }
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(client, password);
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (FileInputStream in = new FileInputStream(args[4])) {
            trust.setCertificateEntry("edge-ca", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trusts = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusts.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys == null ? null : keys.getKeyManagers(), trusts.getTrustManagers(), null);
        SSLParameters parameters = tls.getDefaultSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));

        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < connections; w++) {
            long[][] mine = {new long[1 << 14]};
            int[] count = {0};
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).sslParameters(parameters)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest.Builder builder = HttpRequest.newBuilder(url).header("Host", host).header("Content-Type", contentType)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            HttpRequest request = builder.build();
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                    }
                    mine[0][count[0]++] = System.nanoTime() - t0;
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("{\"rps\": %.1f, \"p50\": %.3f, \"p99\": %.3f, \"requests\": %d, \"errors\": %d}%n",
                all.length / elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all.length, errors.get());
    }
}
