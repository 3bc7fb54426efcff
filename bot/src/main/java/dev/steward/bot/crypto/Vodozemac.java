package dev.steward.bot.crypto;

import de.connect2x.trixnity.crypto.driver.CryptoDriver;
import de.connect2x.trixnity.crypto.driver.keys.Ed25519PublicKey;
import de.connect2x.trixnity.crypto.driver.vodozemac.VodozemacCryptoDriver;

/**
 * vodozemac's Olm and Megolm through Trixnity's crypto driver: plain, synchronous Kotlin interfaces over the
 * native library that Trixnity's binaries jar carries (linux-x86-64 among others). Every object it returns holds
 * native memory and is {@link AutoCloseable}; none is safe to share between threads, so Steward touches them on
 * its one crypto thread only.
 */
final class Vodozemac {
    static final CryptoDriver DRIVER = VodozemacCryptoDriver.INSTANCE;
    static final String OLM = "m.olm.v1.curve25519-aes-sha2";
    static final String MEGOLM = "m.megolm.v1.aes-sha2";
    static final String SIGNED_CURVE25519 = "signed_curve25519";

    private Vodozemac() {}

    /** Whether {@code signature} (unpadded base64) is {@code signer}'s over {@code message}. */
    static boolean verifies(String signer, String message, String signature) {
        try (Ed25519PublicKey key = DRIVER.getKey().getEd25519PublicKey().invoke(signer)) {
            key.verify(message, DRIVER.getKey().getEd25519Signature().invoke(signature));
            return true;
        } catch (RuntimeException e) {
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
