package io.undersign.controlplane.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** X.509 made with Bouncy Castle: CAs, server and client certificates, and their PEM form. */
public final class Certificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key and its certificate. */
    public record Issued(PrivateKey key, X509Certificate certificate) {
        public String keyPem() {
            return pem(key);
        }

        public String certificatePem() {
            return pem(certificate);
        }

        public String serial() {
            return certificate.getSerialNumber().toString(16);
        }
    }

    private Certificates() {
    }

    public static Issued ca(String commonName, Duration validity) {
        KeyPair keys = rsa();
        X500Name name = new X500Name("CN=" + commonName + ",O=Undersign");
        try {
            X509v3CertificateBuilder b = builder(name, name, keys, validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Issued(keys.getPrivate(), sign(b, keys.getPrivate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS server certificate for {@code hosts}, signed by {@code ca}. */
    public static Issued server(Issued ca, List<String> hosts, Duration validity) {
        KeyPair keys = rsa();
        try {
            GeneralName[] names = hosts.stream().map(h -> new GeneralName(GeneralName.dNSName, h)).toArray(GeneralName[]::new);
            X509v3CertificateBuilder b = builder(issuer(ca), new X500Name("CN=" + hosts.get(0)), keys, validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            return new Issued(keys.getPrivate(), sign(b, ca.key()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS client certificate named {@code commonName}, signed by {@code ca}. */
    public static Issued client(Issued ca, String commonName, Duration validity) {
        KeyPair keys = rsa();
        try {
            X509v3CertificateBuilder b = builder(issuer(ca), new X500Name("CN=" + commonName + ",O=Undersign"), keys, validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            return new Issued(keys.getPrivate(), sign(b, ca.key()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads a key and certificate written by {@link #pem}. */
    public static Issued read(String keyPem, String certificatePem) {
        try (PEMParser keys = new PEMParser(new StringReader(keyPem)); PEMParser certs = new PEMParser(new StringReader(certificatePem))) {
            Object key = keys.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey privateKey = key instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((PrivateKeyInfo) key);
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) certs.readObject());
            return new Issued(privateKey, cert);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read a stored key or certificate", e);
        }
    }

    private static X500Name issuer(Issued ca) {
        return X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Duration validity) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
