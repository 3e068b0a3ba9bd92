import { generate } from 'selfsigned';

/** A PEM certificate and private key. */
export interface ServingCert {
  cert: string;
  key: string;
}

let cached: ServingCert | undefined;

/**
 * A self-signed serving certificate for `127.0.0.1` / `localhost` (CA flag set, so clients can
 * trust it directly as their certificate authority). Generated once per process.
 */
export function selfSignedCert(): ServingCert {
  if (!cached) {
    const result = generate([{ name: 'commonName', value: 'kube-sim' }], {
      days: 365,
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        {
          name: 'keyUsage',
          keyCertSign: true,
          digitalSignature: true,
          keyEncipherment: true,
          critical: true,
        },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    cached = { cert: result.cert, key: result.private };
  }
  return cached;
}
